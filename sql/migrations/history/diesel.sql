-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Diesel's applied migrations, newest first.
SELECT version::text AS version, run_on::text AS run_on
FROM {{table}}
ORDER BY version::text DESC
LIMIT $1
