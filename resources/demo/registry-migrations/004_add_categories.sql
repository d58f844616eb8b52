-- 004_add_categories
-- Categories with retention periods; records get an optional category.
-- Existing records stay uncategorised (NULL) until someone classifies them.
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('004_add_categories', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE TABLE IF NOT EXISTS registry.categories (
    category_id     smallserial PRIMARY KEY,
    code            text        NOT NULL UNIQUE,
    name            text        NOT NULL,
    retention_years smallint    NOT NULL
);

INSERT INTO registry.categories (code, name, retention_years) VALUES
    ('CONTRACT', 'Contracts',        10),
    ('DEED',     'Deeds and titles', 99),
    ('PERMIT',   'Permits',          15),
    ('LICENCE',  'Licences',         10),
    ('CERT',     'Certificates',     30),
    ('INVOICE',  'Invoices',          7),
    ('CORRESP',  'Correspondence',    5),
    ('REPORT',   'Reports',          10),
    ('POLICY',   'Policies',         20),
    ('MINUTES',  'Meeting minutes',  25)
ON CONFLICT (code) DO NOTHING;

ALTER TABLE registry.records ADD COLUMN IF NOT EXISTS category_id smallint;

-- ADD CONSTRAINT has no IF NOT EXISTS.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint
                   WHERE conname = 'records_category_id_fkey' AND conrelid = 'registry.records'::regclass) THEN
        ALTER TABLE registry.records
            ADD CONSTRAINT records_category_id_fkey FOREIGN KEY (category_id) REFERENCES registry.categories (category_id);
    END IF;
END
$$;

CREATE INDEX IF NOT EXISTS records_category_id_idx ON registry.records (category_id);

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '004_add_categories';
