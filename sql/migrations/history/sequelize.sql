-- Sequelize's applied migrations, newest first.
SELECT name::text AS name
FROM {{table}}
ORDER BY name DESC
LIMIT $1
