-- Django's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (id bigserial PRIMARY KEY, app varchar(255), name varchar(255), applied timestamptz)
SELECT id::text AS id, app::text AS app, name::text AS name, applied::text AS applied
FROM {{table}}
ORDER BY applied DESC NULLS LAST, id DESC
LIMIT $1
