-- Of the schemas an archive's entries live in ($1, a text[]), those this database does not have.
SELECT s.name
FROM unnest($1::text[]) AS s(name)
WHERE NOT EXISTS (SELECT FROM pg_namespace n WHERE n.nspname = s.name)
ORDER BY s.name
