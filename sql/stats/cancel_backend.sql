-- Asks a backend to cancel its running statement. $1: pid.
SELECT pg_cancel_backend($1::int)
