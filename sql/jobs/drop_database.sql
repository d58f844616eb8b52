-- A database a restore created and must remove again (before 13 there is no WITH (FORCE): the
-- job's own sessions on it are closed first). {{database}}: its name.
-- strata:utility
-- strata:fixture: CREATE DATABASE {{database}}
DROP DATABASE IF EXISTS {{database}}
