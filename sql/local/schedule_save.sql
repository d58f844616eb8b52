INSERT OR REPLACE INTO schedules (name, conninfo, profile_id, output_dir, pattern, every, options,
    keep_last, keep_daily, keep_weekly, keep_monthly, created)
VALUES (:name, :conninfo, :profile_id, :output_dir, :pattern, :every, :options, :keep_last,
    :keep_daily, :keep_weekly, :keep_monthly, :created)
