-- The newest entry of a backup file that is still there (not deleted).
SELECT id FROM backups
WHERE path = :path AND outcome IN ('written', 'found') AND deleted_at IS NULL
ORDER BY started DESC, id DESC
LIMIT 1
