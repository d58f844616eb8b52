-- Facts about the server and this database for the overview: when it started (the page counts
-- the uptime from it, against the server's clock), connections against the limit, this
-- database's size, its extensions with their versions, and its settings.
SELECT extract(epoch FROM pg_catalog.pg_postmaster_start_time())::float8 AS started_epoch,
       extract(epoch FROM now())::float8 AS server_epoch,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity
         WHERE backend_type = 'client backend') AS client_connections,
       current_setting('max_connections')::int AS max_connections,
       pg_catalog.pg_database_size(current_database()) AS database_bytes,
       (SELECT string_agg(extname || ' ' || extversion, ', ' ORDER BY extname)
          FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql') AS extensions,
       (SELECT count(*) FROM pg_catalog.pg_namespace
         WHERE nspname !~ '^pg_' AND nspname <> 'information_schema') AS schema_count,
       current_setting('server_encoding') AS encoding,
       current_setting('TimeZone') AS time_zone
