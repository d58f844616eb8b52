-- Prisma's log: applied, failed and rolled back, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count int NOT NULL DEFAULT 0)
SELECT id::text AS id, checksum::text AS checksum, finished_at::text AS finished_at,
       migration_name::text AS migration_name, logs::text AS logs,
       rolled_back_at::text AS rolled_back_at, started_at::text AS started_at,
       applied_steps_count::text AS applied_steps_count
FROM {{table}}
ORDER BY started_at DESC NULLS LAST
LIMIT $1
