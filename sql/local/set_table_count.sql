UPDATE backup_tables SET row_count = :row_count
WHERE backup_id = :backup_id AND schema_name = :schema_name AND table_name = :table_name
