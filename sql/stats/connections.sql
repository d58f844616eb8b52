-- Client sessions by state. A session this role may not see (no pg_read_all_stats) has no
-- backend_type and no state: those with a user are counted with state '' (this can include a
-- background worker that runs as a user).
SELECT coalesce(state, '') AS state, count(*)::int AS sessions
FROM pg_stat_activity
WHERE (backend_type = 'client backend' OR (backend_type IS NULL AND usesysid IS NOT NULL))
GROUP BY 1
ORDER BY 2 DESC, 1
