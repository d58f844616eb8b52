-- Diesel's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version varchar(50) PRIMARY KEY, run_on timestamp NOT NULL DEFAULT now())
SELECT version::text AS version, run_on::text AS run_on
FROM {{table}}
ORDER BY version::text DESC
LIMIT $1
