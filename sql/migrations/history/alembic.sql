-- Alembic's current head(s).
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version_num varchar(32) NOT NULL PRIMARY KEY)
SELECT version_num::text AS version_num
FROM {{table}}
ORDER BY version_num DESC
LIMIT $1
