-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Sequelize's applied migrations, newest first.
SELECT name::text AS name
FROM {{table}}
ORDER BY name DESC
LIMIT $1
