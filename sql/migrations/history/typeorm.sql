-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- TypeORM's applied migrations, newest first.
SELECT id::text AS id, "timestamp"::text AS ts, name::text AS name
FROM {{table}}
ORDER BY id DESC
LIMIT $1
