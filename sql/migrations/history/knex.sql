-- Knex's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (id serial PRIMARY KEY, name varchar(255), batch int, migration_time timestamptz)
SELECT id::text AS id, name::text AS name, batch::text AS batch,
       migration_time::text AS migration_time
FROM {{table}}
ORDER BY id DESC
LIMIT $1
