-- Buffer cache hits against reads for user tables and their indexes (and this database).
SELECT (SELECT coalesce(sum(heap_blks_hit), 0)::bigint FROM pg_statio_user_tables) AS heap_hit,
       (SELECT coalesce(sum(heap_blks_read), 0)::bigint FROM pg_statio_user_tables) AS heap_read,
       (SELECT coalesce(sum(idx_blks_hit), 0)::bigint FROM pg_statio_user_indexes) AS idx_hit,
       (SELECT coalesce(sum(idx_blks_read), 0)::bigint FROM pg_statio_user_indexes) AS idx_read,
       (SELECT blks_hit FROM pg_stat_database WHERE datname = current_database()) AS db_hit,
       (SELECT blks_read FROM pg_stat_database WHERE datname = current_database()) AS db_read
