-- Drops a database if it is there. {{database}}: its name.
-- strata:utility
-- strata:fixture: CREATE DATABASE {{database}}
DROP DATABASE IF EXISTS {{database}}
