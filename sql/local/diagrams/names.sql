-- The named diagrams (subject areas) of one database.
SELECT name FROM diagrams WHERE target = :target AND name <> '' ORDER BY name COLLATE NOCASE
