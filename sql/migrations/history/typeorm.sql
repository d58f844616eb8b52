-- TypeORM's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (id serial PRIMARY KEY, "timestamp" bigint NOT NULL, name varchar NOT NULL)
SELECT id::text AS id, "timestamp"::text AS ts, name::text AS name
FROM {{table}}
ORDER BY id DESC
LIMIT $1
