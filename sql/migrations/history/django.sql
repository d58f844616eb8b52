-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Django's applied migrations, newest first.
SELECT id::text AS id, app::text AS app, name::text AS name, applied::text AS applied
FROM {{table}}
ORDER BY applied DESC NULLS LAST, id DESC
LIMIT $1
