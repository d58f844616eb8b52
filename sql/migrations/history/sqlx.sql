-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- sqlx's migrations, newest first; the checksum is bytea, shown as hex.
SELECT version::text AS version, description::text AS description,
       installed_on::text AS installed_on, success::text AS success,
       checksum::text AS checksum, execution_time::text AS execution_time
FROM {{table}}
ORDER BY version DESC
LIMIT $1
