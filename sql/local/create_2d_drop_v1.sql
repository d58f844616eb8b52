DROP TABLE backups_v1
