-- 006_create_stats_views
-- Views for the front office and materialized statistics for the monthly
-- report. records_per_category_month gets a unique index so it can be
-- refreshed CONCURRENTLY while the report is being read.
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('006_create_stats_views', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE OR REPLACE VIEW registry.active_records AS
SELECT r.record_id, r.record_no, r.title, r.status, c.code AS category, o.display_name AS owner,
       r.created_at, r.updated_at
FROM registry.records r
JOIN registry.owners o          ON o.owner_id = r.owner_id
LEFT JOIN registry.categories c ON c.category_id = r.category_id
WHERE r.status IN ('submitted', 'registered', 'suspended');

CREATE OR REPLACE VIEW registry.record_timeline AS
SELECT h.record_id, h.status, h.changed_at, h.changed_by, h.note,
       lag(h.status) OVER w                AS previous_status,
       h.changed_at - lag(h.changed_at) OVER w AS time_in_previous_status
FROM registry.status_history h
WINDOW w AS (PARTITION BY h.record_id ORDER BY h.changed_at, h.history_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS registry.records_per_category_month AS
SELECT coalesce(c.code, '(none)')                                   AS category,
       date_trunc('month', r.created_at AT TIME ZONE 'UTC')::date  AS month,
       count(*)                                                    AS records,
       count(*) FILTER (WHERE r.status = 'registered')             AS registered,
       count(*) FILTER (WHERE r.status IN ('archived', 'withdrawn')) AS closed
FROM registry.records r
LEFT JOIN registry.categories c ON c.category_id = r.category_id
GROUP BY 1, 2;
CREATE UNIQUE INDEX IF NOT EXISTS records_per_category_month_key ON registry.records_per_category_month (category, month);

CREATE MATERIALIZED VIEW IF NOT EXISTS registry.owner_activity AS
SELECT o.owner_id, o.display_name, o.kind,
       count(r.record_id)                              AS records,
       count(r.record_id) FILTER (WHERE r.status = 'registered') AS registered,
       min(r.created_at)                               AS first_record_at,
       max(r.created_at)                               AS last_record_at
FROM registry.owners o
LEFT JOIN registry.records r ON r.owner_id = o.owner_id
GROUP BY o.owner_id, o.display_name, o.kind;

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '006_create_stats_views';
