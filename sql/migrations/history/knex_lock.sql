-- Whether Knex's migration lock is held.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (index serial PRIMARY KEY, is_locked int)
SELECT bool_or(is_locked::text = '1') AS locked
FROM {{table}}
