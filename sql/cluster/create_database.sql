-- A new, empty database. {{database}}: its name (a utility statement takes no parameters).
-- strata:utility
-- strata:cleanup: DROP DATABASE IF EXISTS {{database}}
CREATE DATABASE {{database}}
