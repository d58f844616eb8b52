-- Between two files: what one file SET (search_path, role, session_replication_role, ...) must
-- not reach the next, as if each ran in a session of its own the way psql runs them. The
-- connection's own settings (statement_timeout, application_name from its startup options) are
-- what RESET ALL returns to. Not DISCARD ALL: it would release the run's advisory lock.
-- strata:script (run whole with execScript; tst_migrationrunner's settings test runs it)
SET SESSION AUTHORIZATION DEFAULT;
RESET ROLE;
RESET ALL;
