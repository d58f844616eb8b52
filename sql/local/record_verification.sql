UPDATE backups SET verified_at = :verified_at, verify_ok = :verify_ok,
    verify_message = :verify_message
WHERE id = :id
