-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Rails / dbmate / Sequelize-style tables: one version (or name) per applied migration.
SELECT version::text AS version
FROM {{table}}
ORDER BY version::text DESC
LIMIT $1
