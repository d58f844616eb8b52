-- A page of a view's (or foreign table's) rows, which have no ctid: $1 rows after the first $2.
-- {{relation}}: the relation, schema-qualified.
-- strata:fixture: CREATE VIEW {{relation}} AS SELECT 1 AS id
SELECT * FROM {{relation}} OFFSET $2::bigint LIMIT $1::int
