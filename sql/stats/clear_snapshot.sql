-- Since PostgreSQL 15 statistics read inside a transaction may come from a cached snapshot
-- (stats_fetch_consistency); dropping it makes the next read current even inside one.
SELECT pg_stat_clear_snapshot()
