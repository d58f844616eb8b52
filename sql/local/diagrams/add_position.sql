INSERT INTO diagram_positions (diagram_id, schema_name, table_name, x, y)
VALUES (:id, :schema_name, :table_name, :x, :y)
