-- {{database}}: the new database's name.
-- strata:utility
-- strata:cleanup: DROP DATABASE {{database}}
CREATE DATABASE {{database}}
