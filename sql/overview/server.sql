-- Facts about the server and this database for the overview: uptime, connections against the
-- limit, this database's size, and its extensions with their versions.
SELECT date_trunc('second', now() - pg_catalog.pg_postmaster_start_time())::text,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE backend_type = 'client backend'),
       current_setting('max_connections')::int,
       pg_catalog.pg_database_size(current_database()),
       (SELECT string_agg(extname || ' ' || extversion, ', ' ORDER BY extname)
          FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql'),
       (SELECT count(*) FROM pg_catalog.pg_namespace
         WHERE nspname !~ '^pg_' AND nspname <> 'information_schema'),
       current_setting('server_encoding'),
       current_setting('TimeZone')
