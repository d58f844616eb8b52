-- Sequelize's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (name varchar(255) PRIMARY KEY)
SELECT name::text AS name
FROM {{table}}
ORDER BY name DESC
LIMIT $1
