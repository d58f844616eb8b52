-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Phinx's applied migrations, newest first.
SELECT version::text AS version, migration_name::text AS migration_name,
       start_time::text AS start_time, end_time::text AS end_time,
       breakpoint::text AS breakpoint
FROM {{table}}
ORDER BY version DESC
LIMIT $1
