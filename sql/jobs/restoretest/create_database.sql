-- A restore test's throwaway database. template0: nothing of template1's (an extension
-- installed there) collides with what the archive creates.
-- strata:utility
-- strata:cleanup: DROP DATABASE IF EXISTS {{database}}
CREATE DATABASE {{database}} TEMPLATE template0
