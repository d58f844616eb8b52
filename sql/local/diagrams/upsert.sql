INSERT INTO diagrams (target, key, name, scope, updated_at)
VALUES (:target, :key, :name, :scope, :updated_at)
ON CONFLICT (target, key) DO UPDATE
SET name = excluded.name, scope = excluded.scope, updated_at = excluded.updated_at
