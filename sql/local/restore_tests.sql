-- Every restore test, newest first within each backup.
SELECT id, backup_id, tested_at, target, database, passed, summary, problems, log, duration_ms
FROM restore_tests
ORDER BY backup_id, tested_at DESC, id DESC
