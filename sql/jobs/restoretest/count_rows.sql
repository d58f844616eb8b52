-- One table's own rows (ONLY: pg_dump copies each partition and child table on its own).
-- strata:fixture: CREATE TABLE {{table}} (id int)
SELECT count(*) AS row_count FROM ONLY {{table}}
