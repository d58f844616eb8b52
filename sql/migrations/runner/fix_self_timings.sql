-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} (version varchar NOT NULL PRIMARY KEY, started_at timestamp, finished_at timestamp)
-- After a file that seemed to record itself: a row stamped with now() in one transaction has
-- started_at = finished_at, so it gets the times Strata measured around the file instead; a
-- file that did not record itself after all (it only mentioned the table) gets its row here, so
-- that it is never run again. A row the file finished with real times is left as it is.
-- $1: version, $2/$3: start and finish.
INSERT INTO {{table}} AS h (version, started_at, finished_at)
VALUES ($1, $2::timestamp, $3::timestamp)
ON CONFLICT (version) DO UPDATE SET started_at = EXCLUDED.started_at,
                                    finished_at = EXCLUDED.finished_at
WHERE h.finished_at IS NULL OR h.finished_at = h.started_at
