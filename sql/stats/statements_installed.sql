-- Whether pg_stat_statements is installed in this database (and which version: its columns
-- changed in 1.8 and 1.11) and in which schema. Whether the server loaded its library shows
-- when the view is read (shared_preload_libraries needs pg_read_all_settings to be read).
SELECT (SELECT extversion FROM pg_extension WHERE extname = 'pg_stat_statements') AS extversion,
       (SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
        WHERE e.extname = 'pg_stat_statements') AS schema
