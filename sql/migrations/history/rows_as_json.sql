-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- A table Strata cannot name: its rows as they are, newest key first.
SELECT row_to_json(t)::text AS row_json
FROM {{table}} t
LIMIT $1
