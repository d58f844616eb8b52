-- Phinx's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version bigint PRIMARY KEY, migration_name varchar(100), start_time timestamp, end_time timestamp, breakpoint boolean NOT NULL DEFAULT false)
SELECT version::text AS version, migration_name::text AS migration_name,
       start_time::text AS start_time, end_time::text AS end_time,
       breakpoint::text AS breakpoint
FROM {{table}}
ORDER BY version DESC
LIMIT $1
