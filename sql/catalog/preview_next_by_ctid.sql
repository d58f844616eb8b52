-- The next page after the row at $2 (a ctid): a TID range scan (PostgreSQL 14+) starts right at
-- the page where the last one ended. $1: how many. {{relation}}: the table, schema-qualified.
-- strata:fixture: CREATE TABLE {{relation}} (id int)
SELECT ctid, * FROM {{relation}} WHERE ctid > $2::tid LIMIT $1::int
