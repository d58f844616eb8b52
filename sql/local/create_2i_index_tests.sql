CREATE INDEX restore_tests_by_backup ON restore_tests (backup_id, tested_at)
