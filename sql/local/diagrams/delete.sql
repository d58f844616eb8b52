DELETE FROM diagrams WHERE id = :id
