INSERT INTO backups (path, server, database, server_version, tool_version, format, what, options,
    started, duration_ms, size, sha256, manifest, made_by, made_by_name, outcome, error, log,
    counts_source)
VALUES (:path, :server, :database, :server_version, :tool_version, :format, :what, :options,
    :started, :duration_ms, :size, :sha256, :manifest, :made_by, :made_by_name, :outcome, :error,
    :log, :counts_source)
