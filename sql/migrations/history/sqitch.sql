-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- Sqitch's event log, newest first, with each change's script hash.
SELECT e.event::text AS event, e.change_id::text AS change_id, e.change::text AS change,
       e.project::text AS project, e.note::text AS note, e.committed_at::text AS committed_at,
       e.committer_name::text AS committer_name, c.script_hash::text AS script_hash
FROM {{table}} e
LEFT JOIN {{schema}}.changes c ON c.change_id::text = e.change_id::text
ORDER BY e.committed_at DESC NULLS LAST
LIMIT $1
