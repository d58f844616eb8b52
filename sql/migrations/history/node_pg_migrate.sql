-- node-pg-migrate's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (id serial PRIMARY KEY, name varchar(255) NOT NULL, run_on timestamp NOT NULL)
SELECT id::text AS id, name::text AS name, run_on::text AS run_on
FROM {{table}}
ORDER BY run_on DESC NULLS LAST, id DESC
LIMIT $1
