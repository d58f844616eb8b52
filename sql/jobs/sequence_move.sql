-- Moves a sequence so that its next value follows $2. $1: the sequence (regclass text).
SELECT setval($1::regclass, $2::bigint, true) AS moved
