-- 003_create_status_history
-- Keep every status change instead of only the current status.
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('003_create_status_history', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE TABLE IF NOT EXISTS registry.status_history (
    history_id bigserial              PRIMARY KEY,
    record_id  bigint                 NOT NULL REFERENCES registry.records (record_id) ON DELETE CASCADE,
    status     registry.record_status NOT NULL,
    changed_at timestamptz            NOT NULL,
    changed_by text                   NOT NULL,
    note       text
);
CREATE INDEX IF NOT EXISTS status_history_record_id_changed_at_idx ON registry.status_history (record_id, changed_at);

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '003_create_status_history';
