-- Laravel's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (id serial PRIMARY KEY, migration varchar(255) NOT NULL, batch int NOT NULL)
SELECT id::text AS id, migration::text AS migration, batch::text AS batch
FROM {{table}}
ORDER BY batch DESC NULLS LAST, migration DESC
LIMIT $1
