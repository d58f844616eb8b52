-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Laravel's applied migrations, newest first.
SELECT id::text AS id, migration::text AS migration, batch::text AS batch
FROM {{table}}
ORDER BY batch DESC NULLS LAST, migration DESC
LIMIT $1
