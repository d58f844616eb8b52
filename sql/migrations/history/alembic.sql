-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Alembic's current head(s).
SELECT version_num::text AS version_num
FROM {{table}}
ORDER BY version_num DESC
LIMIT $1
