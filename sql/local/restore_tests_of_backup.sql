SELECT id, backup_id, tested_at, target, database, passed, summary, problems, log, duration_ms
FROM restore_tests
WHERE backup_id = :backup_id
ORDER BY tested_at DESC, id DESC
