-- Scheduled runs that failed or were cancelled and that no window has told anyone about yet.
SELECT id FROM backups
WHERE made_by = 'schedule' AND outcome IN ('failed', 'cancelled') AND notified = 0
ORDER BY started
