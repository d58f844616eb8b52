-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- A file finished. $1: version.
UPDATE {{table}} SET finished_at = clock_timestamp() WHERE version = $1
