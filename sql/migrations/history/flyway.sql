-- Flyway's log, newest first. {{table}} is the quoted history table; $1 the row limit.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200), type varchar(20), script varchar(1000), checksum int, installed_by varchar(100), installed_on timestamp DEFAULT now(), execution_time int, success boolean)
SELECT installed_rank::text AS installed_rank, version::text AS version,
       description::text AS description, type::text AS type, script::text AS script,
       checksum::text AS checksum, installed_by::text AS installed_by,
       installed_on::text AS installed_on, execution_time::text AS execution_time,
       success::text AS success
FROM {{table}}
ORDER BY installed_rank DESC NULLS LAST
LIMIT $1
