-- Checkpoint counters (pg_stat_bgwriter up to 16; 17 moved them to pg_stat_checkpointer).
SELECT checkpoints_timed AS timed, checkpoints_req AS requested,
       checkpoint_write_time::float8 AS write_ms, checkpoint_sync_time::float8 AS sync_ms,
       buffers_checkpoint AS buffers_written,
       extract(epoch FROM stats_reset)::float8 AS stats_reset
FROM pg_stat_bgwriter
