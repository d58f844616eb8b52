-- Version 2: the history. The version 1 table is rebuilt with the new columns; its rows are
-- kept (create_2c), as backups written by a person.
ALTER TABLE backups RENAME TO backups_v1
