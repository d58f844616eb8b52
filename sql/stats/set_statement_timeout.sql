-- Each section gets its own time budget, so one slow view cannot hold up the others.
SELECT set_config('statement_timeout', $1::text, false)
