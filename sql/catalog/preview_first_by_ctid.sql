-- The first page of a table's rows in ctid order (the data preview). $1: how many.
-- {{relation}}: the table, schema-qualified.
-- strata:fixture: CREATE TABLE {{relation}} (id int)
SELECT ctid, * FROM {{relation}} LIMIT $1::int
