-- A home-grown schema_migrations(version, started_at, finished_at), newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version varchar PRIMARY KEY, started_at timestamp, finished_at timestamp)
SELECT version::text AS version, started_at::text AS started_at,
       finished_at::text AS finished_at
FROM {{table}}
ORDER BY version::text DESC
LIMIT $1
