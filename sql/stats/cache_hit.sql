-- Buffer cache hits against reads for user tables and their indexes (and this database). The
-- counters are read per relation with the functions pg_statio_user_tables is built on: the
-- view also sums index counters per table, which costs much more on a large catalog.
SELECT coalesce(sum(pg_stat_get_blocks_hit(c.oid))
                    FILTER (WHERE c.relkind IN ('r', 'm')), 0)::bigint AS heap_hit,
       coalesce(sum(pg_stat_get_blocks_fetched(c.oid) - pg_stat_get_blocks_hit(c.oid))
                    FILTER (WHERE c.relkind IN ('r', 'm')), 0)::bigint AS heap_read,
       coalesce(sum(pg_stat_get_blocks_hit(c.oid))
                    FILTER (WHERE c.relkind = 'i'), 0)::bigint AS idx_hit,
       coalesce(sum(pg_stat_get_blocks_fetched(c.oid) - pg_stat_get_blocks_hit(c.oid))
                    FILTER (WHERE c.relkind = 'i'), 0)::bigint AS idx_read,
       (SELECT blks_hit FROM pg_stat_database WHERE datname = current_database()) AS db_hit,
       (SELECT blks_read FROM pg_stat_database WHERE datname = current_database()) AS db_read
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'm', 'i')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
