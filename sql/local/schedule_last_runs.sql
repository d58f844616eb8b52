-- Each schedule's newest run: when, and how it ended.
SELECT b.made_by_name AS schedule, b.id, b.started, b.outcome, b.error
FROM backups b
WHERE b.made_by = 'schedule'
  AND b.started = (SELECT max(o.started) FROM backups o
                   WHERE o.made_by = 'schedule' AND o.made_by_name = b.made_by_name)
