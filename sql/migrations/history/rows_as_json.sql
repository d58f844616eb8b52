-- A table Strata cannot name: its rows as they are, newest key first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version text, applied_at timestamptz)
SELECT row_to_json(t)::text AS row_json
FROM {{table}} t
LIMIT $1
