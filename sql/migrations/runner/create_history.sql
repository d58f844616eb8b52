-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- The home-grown history table the plain-SQL runner records into; {{table}} is quoted.
CREATE TABLE IF NOT EXISTS {{table}} (version varchar NOT NULL PRIMARY KEY, started_at timestamp, finished_at timestamp)
