-- golang-migrate keeps one row: the current version and whether it stopped half way.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version bigint PRIMARY KEY, dirty boolean NOT NULL)
SELECT version::text AS version, dirty::text AS dirty
FROM {{table}}
ORDER BY version::text DESC
LIMIT $1
