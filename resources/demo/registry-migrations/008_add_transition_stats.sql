-- 008_add_transition_stats
-- Transition statistics for the process review. Created WITH NO DATA so the
-- migration is instant; the view is meant to be refreshed off-hours with
--   REFRESH MATERIALIZED VIEW registry.status_transition_stats;
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('008_add_transition_stats', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE MATERIALIZED VIEW IF NOT EXISTS registry.status_transition_stats AS
SELECT t.previous_status AS from_status, t.status AS to_status,
       count(*) AS transitions,
       avg(t.time_in_previous_status) AS avg_time_in_previous_status
FROM registry.record_timeline t
WHERE t.previous_status IS NOT NULL
GROUP BY 1, 2
WITH NO DATA;

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '008_add_transition_stats';
