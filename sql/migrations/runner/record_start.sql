-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version varchar NOT NULL PRIMARY KEY, started_at timestamp, finished_at timestamp)
-- A file starts: its row gets started_at now and no finish yet. $1: version.
INSERT INTO {{table}} (version, started_at, finished_at) VALUES ($1, clock_timestamp(), NULL)
ON CONFLICT (version) DO UPDATE SET started_at = EXCLUDED.started_at, finished_at = NULL
