DELETE FROM backup_tables WHERE backup_id = :id
