-- Checkpoint counters from pg_stat_checkpointer (17 moved them out of pg_stat_bgwriter and
-- renamed them: num_timed, num_requested, write_time, sync_time, buffers_written).
SELECT num_timed AS timed, num_requested AS requested,
       write_time::float8 AS write_ms, sync_time::float8 AS sync_ms,
       buffers_written,
       extract(epoch FROM stats_reset)::float8 AS stats_reset
FROM pg_stat_checkpointer
