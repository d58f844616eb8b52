-- goose's rows, newest first (in old databases a log: the latest row per version wins).
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (id serial PRIMARY KEY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp DEFAULT now())
SELECT id::text AS id, version_id::text AS version_id, is_applied::text AS is_applied,
       tstamp::text AS tstamp
FROM {{table}}
ORDER BY id DESC
LIMIT $1
