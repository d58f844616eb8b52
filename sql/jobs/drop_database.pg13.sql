-- A database a restore created and must remove again; WITH (FORCE) ends any session still on
-- it (the job's own monitoring session, say). {{database}}: its name.
-- strata:utility
-- strata:fixture: CREATE DATABASE {{database}}
DROP DATABASE IF EXISTS {{database}} WITH (FORCE)
