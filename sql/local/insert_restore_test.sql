INSERT INTO restore_tests (backup_id, tested_at, target, database, passed, summary, problems,
    log, duration_ms)
VALUES (:backup_id, :tested_at, :target, :database, :passed, :summary, :problems, :log,
    :duration_ms)
