-- Sqitch's event log, newest first, with each change's script hash.
-- {{table}}: the history table, schema-qualified; {{schema}}: its schema.
-- strata:fixture: CREATE TABLE {{table}} (event text NOT NULL, change_id text NOT NULL, change text NOT NULL, project text NOT NULL, note text NOT NULL DEFAULT '', committed_at timestamptz NOT NULL DEFAULT clock_timestamp(), committer_name text NOT NULL); CREATE TABLE {{schema}}.changes (change_id text PRIMARY KEY, script_hash text)
SELECT e.event::text AS event, e.change_id::text AS change_id, e.change::text AS change,
       e.project::text AS project, e.note::text AS note, e.committed_at::text AS committed_at,
       e.committer_name::text AS committer_name, c.script_hash::text AS script_hash
FROM {{table}} e
LEFT JOIN {{schema}}.changes c ON c.change_id::text = e.change_id::text
ORDER BY e.committed_at DESC NULLS LAST
LIMIT $1
