-- The wall clock now (not the transaction's start), in the history table's timestamp type.
SELECT clock_timestamp()::timestamp::text AS now
