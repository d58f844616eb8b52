-- Ecto's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version bigint PRIMARY KEY, inserted_at timestamp(0))
SELECT version::text AS version, inserted_at::text AS inserted_at
FROM {{table}}
ORDER BY version DESC
LIMIT $1
