-- One sample of the cumulative counters per database, with the server's clock, for rates.
-- Taken in autocommit: since PostgreSQL 15 a read inside a transaction may be cached.
SELECT extract(epoch FROM clock_timestamp())::float8 AS server_epoch,
       coalesce(datname, '') AS datname,
       xact_commit, xact_rollback,
       tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted,
       blks_read, blks_hit, numbackends
FROM pg_stat_database
ORDER BY datname
