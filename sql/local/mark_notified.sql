UPDATE backups SET notified = 1 WHERE id = :id
