INSERT OR REPLACE INTO backup_tables (backup_id, schema_name, table_name, row_count)
VALUES (:backup_id, :schema_name, :table_name, :row_count)
