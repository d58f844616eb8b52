UPDATE backups SET deleted_at = :deleted_at, deleted_reason = :deleted_reason WHERE id = :id
