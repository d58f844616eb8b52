-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- goose's rows, newest first (in old databases a log: the latest row per version wins).
SELECT id::text AS id, version_id::text AS version_id, is_applied::text AS is_applied,
       tstamp::text AS tstamp
FROM {{table}}
ORDER BY id DESC
LIMIT $1
