SELECT id, name, scope FROM diagrams WHERE target = :target AND key = :key
