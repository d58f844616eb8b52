-- Facts the other sections are judged against: limits, settings, what this role may see.
SELECT current_setting('server_version_num')::int AS version_num,
       current_setting('max_connections')::int AS max_connections,
       current_setting('superuser_reserved_connections')::int AS reserved_connections,
       current_setting('autovacuum_freeze_max_age')::bigint AS freeze_max_age,
       current_setting('autovacuum') = 'on' AS autovacuum_on,
       current_setting('track_counts') = 'on' AS track_counts,
       current_setting('track_activities') = 'on' AS track_activities,
       pg_is_in_recovery() AS in_recovery,
       current_setting('is_superuser') = 'on' AS superuser,
       pg_has_role('pg_read_all_stats', 'USAGE') AS read_all_stats,
       extract(epoch FROM clock_timestamp())::float8 AS server_epoch,
       extract(epoch FROM pg_postmaster_start_time())::float8 AS started_epoch,
       current_database() AS database
