-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Ecto's applied migrations, newest first.
SELECT version::text AS version, inserted_at::text AS inserted_at
FROM {{table}}
ORDER BY version DESC
LIMIT $1
