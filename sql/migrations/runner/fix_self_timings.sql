-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- A file that records itself with now() in one transaction gets started_at = finished_at: use the
-- times Strata measured around it instead. $1: version, $2/$3: start and finish.
UPDATE {{table}} SET started_at = $2::timestamp, finished_at = $3::timestamp
WHERE version = $1 AND (finished_at IS NULL OR finished_at = started_at)
