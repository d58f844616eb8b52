CREATE INDEX backups_by_database ON backups (server, database, started)
