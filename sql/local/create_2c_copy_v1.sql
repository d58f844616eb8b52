INSERT INTO backups (id, path, server, database, server_version, format, what, started,
    duration_ms, size, sha256, manifest, made_by, outcome)
SELECT id, path, '', coalesce(database, ''), server_version, format, '',
    coalesce(started, ''), coalesce(duration_ms, 0), coalesce(size, 0), sha256, manifest,
    'person', 'written'
FROM backups_v1
