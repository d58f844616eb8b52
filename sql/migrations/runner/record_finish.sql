-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version varchar NOT NULL PRIMARY KEY, started_at timestamp, finished_at timestamp)
-- A file finished. $1: version.
UPDATE {{table}} SET finished_at = clock_timestamp() WHERE version = $1
