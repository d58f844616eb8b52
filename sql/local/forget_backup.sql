DELETE FROM backups WHERE id = :id
