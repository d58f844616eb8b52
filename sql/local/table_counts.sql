SELECT schema_name, table_name, row_count FROM backup_tables
WHERE backup_id = :backup_id
ORDER BY schema_name, table_name
