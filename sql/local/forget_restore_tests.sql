DELETE FROM restore_tests WHERE backup_id = :id
