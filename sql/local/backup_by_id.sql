SELECT id, path, server, database, server_version, tool_version, format, what, options, started,
    duration_ms, size, sha256, manifest, made_by, made_by_name, outcome, error, log,
    counts_source, verified_at, verify_ok, verify_message, deleted_at, deleted_reason, notified
FROM backups
WHERE id = :id
