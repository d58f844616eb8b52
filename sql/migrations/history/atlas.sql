-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Atlas's revisions, newest first, without its cloud identifier row.
SELECT version::text AS version, description::text AS description, type::text AS type,
       applied::text AS applied, total::text AS total, executed_at::text AS executed_at,
       execution_time::text AS execution_time, error::text AS error,
       error_stmt::text AS error_stmt, hash::text AS hash,
       operator_version::text AS operator_version
FROM {{table}}
WHERE version::text <> '.atlas_cloud_identifier'
ORDER BY version DESC
LIMIT $1
