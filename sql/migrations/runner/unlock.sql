-- Releases the lock try_lock took. $1: the history table, quoted and schema-qualified.
SELECT pg_advisory_unlock(1400140385, (($1::regclass::oid::int8) - 2147483648)::int4) AS unlocked
