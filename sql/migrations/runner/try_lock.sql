-- One Strata at a time applies migrations to a database: a session lock keyed on the history
-- table's oid (first key: "Stra"). $1: the history table, quoted and schema-qualified.
SELECT pg_try_advisory_lock(1400140385, (($1::regclass::oid::int8) - 2147483648)::int4) AS locked
