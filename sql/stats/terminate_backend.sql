-- Ends a backend's session. $1: pid.
SELECT pg_terminate_backend($1::int)
