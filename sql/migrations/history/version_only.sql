-- Rails / dbmate / Sequelize-style tables: one version (or name) per applied migration.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version varchar PRIMARY KEY)
SELECT version::text AS version
FROM {{table}}
ORDER BY version::text DESC
LIMIT $1
