-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- golang-migrate keeps one row: the current version and whether it stopped half way.
SELECT version::text AS version, dirty::text AS dirty
FROM {{table}}
ORDER BY version::text DESC
LIMIT $1
