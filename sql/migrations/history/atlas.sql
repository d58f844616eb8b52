-- Atlas's revisions, newest first, without its cloud identifier row.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version varchar PRIMARY KEY, description varchar, type bigint, applied bigint, total bigint, executed_at timestamptz, execution_time bigint, error text, error_stmt text, hash text, partial_hashes jsonb, operator_version text)
SELECT version::text AS version, description::text AS description, type::text AS type,
       applied::text AS applied, total::text AS total, executed_at::text AS executed_at,
       execution_time::text AS execution_time, error::text AS error,
       error_stmt::text AS error_stmt, hash::text AS hash,
       operator_version::text AS operator_version
FROM {{table}}
WHERE version::text <> '.atlas_cloud_identifier'
ORDER BY version DESC
LIMIT $1
