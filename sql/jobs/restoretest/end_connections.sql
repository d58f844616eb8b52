-- Sessions still connected to a throwaway database (pg_restore -j workers a cancel left behind).
SELECT pg_terminate_backend(pid) AS ended
FROM pg_stat_activity
WHERE datname = $1 AND pid <> pg_backend_pid()
