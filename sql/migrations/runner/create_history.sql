-- The home-grown history table the plain-SQL runner records into; {{table}} is schema-qualified.
-- strata:utility
CREATE TABLE IF NOT EXISTS {{table}} (version varchar NOT NULL PRIMARY KEY, started_at timestamp, finished_at timestamp)
