-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- A home-grown schema_migrations(version, started_at, finished_at), newest first.
SELECT version::text AS version, started_at::text AS started_at,
       finished_at::text AS finished_at
FROM {{table}}
ORDER BY version::text DESC
LIMIT $1
