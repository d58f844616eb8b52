SELECT schema_name, table_name, x, y FROM diagram_positions WHERE diagram_id = :id
