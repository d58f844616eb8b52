-- Client sessions per state group for the live chart (hidden sessions of other roles are
-- counted by their user).
SELECT count(*)::int AS total,
       count(*) FILTER (WHERE state = 'active')::int AS active,
       count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_in_transaction,
       count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting_on_lock
FROM pg_stat_activity
WHERE (backend_type = 'client backend' OR (backend_type IS NULL AND usesysid IS NOT NULL))
