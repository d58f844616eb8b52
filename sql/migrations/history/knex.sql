-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Knex's applied migrations, newest first.
SELECT id::text AS id, name::text AS name, batch::text AS batch,
       migration_time::text AS migration_time
FROM {{table}}
ORDER BY id DESC
LIMIT $1
