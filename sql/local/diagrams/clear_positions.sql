DELETE FROM diagram_positions WHERE diagram_id = :id
