-- This session's backend, so another session can watch its progress.
SELECT pg_backend_pid()
