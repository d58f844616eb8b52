-- 009_add_owner_email_lower_idx
-- Owner lookup by e-mail is case-insensitive (WHERE lower(email) = lower($1)).
INSERT INTO registry.schema_migrations(version, started_at) VALUES ('009_add_owner_email_lower_idx', now()) ON CONFLICT (version) DO UPDATE SET started_at = now(), finished_at = NULL;

CREATE INDEX IF NOT EXISTS owners_lower_email_idx ON registry.owners (lower(email));

UPDATE registry.schema_migrations SET finished_at = now() WHERE version = '009_add_owner_email_lower_idx';
