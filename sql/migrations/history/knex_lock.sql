-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Whether Knex's migration lock is held.
SELECT bool_or(is_locked::text = '1') AS locked
FROM {{table}}
