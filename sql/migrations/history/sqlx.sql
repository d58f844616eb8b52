-- sqlx's migrations, newest first; the checksum is bytea, shown as hex.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version bigint PRIMARY KEY, description text NOT NULL, installed_on timestamptz NOT NULL DEFAULT now(), success boolean NOT NULL, checksum bytea NOT NULL, execution_time bigint NOT NULL)
SELECT version::text AS version, description::text AS description,
       installed_on::text AS installed_on, success::text AS success,
       checksum::text AS checksum, execution_time::text AS execution_time
FROM {{table}}
ORDER BY version DESC
LIMIT $1
