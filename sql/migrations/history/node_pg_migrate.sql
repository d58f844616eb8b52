-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- node-pg-migrate's applied migrations, newest first.
SELECT id::text AS id, name::text AS name, run_on::text AS run_on
FROM {{table}}
ORDER BY run_on DESC NULLS LAST, id DESC
LIMIT $1
