-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Prisma's log: applied, failed and rolled back, newest first.
SELECT id::text AS id, checksum::text AS checksum, finished_at::text AS finished_at,
       migration_name::text AS migration_name, logs::text AS logs,
       rolled_back_at::text AS rolled_back_at, started_at::text AS started_at,
       applied_steps_count::text AS applied_steps_count
FROM {{table}}
ORDER BY started_at DESC NULLS LAST
LIMIT $1
