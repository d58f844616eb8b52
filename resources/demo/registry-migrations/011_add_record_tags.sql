-- 011_add_record_tags (pending)
-- Free-form tags on records, many-to-many.
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('011_add_record_tags', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE TABLE IF NOT EXISTS registry.tags (
    tag_id serial PRIMARY KEY,
    name   text   NOT NULL UNIQUE
);

CREATE TABLE IF NOT EXISTS registry.record_tags (
    record_id bigint      NOT NULL REFERENCES registry.records (record_id) ON DELETE CASCADE,
    tag_id    integer     NOT NULL REFERENCES registry.tags (tag_id) ON DELETE CASCADE,
    tagged_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (record_id, tag_id)
);
CREATE INDEX IF NOT EXISTS record_tags_tag_id_idx ON registry.record_tags (tag_id);

INSERT INTO registry.tags (name) VALUES ('urgent'), ('legal-hold'), ('scanned'), ('needs-review')
ON CONFLICT (name) DO NOTHING;

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '011_add_record_tags';
