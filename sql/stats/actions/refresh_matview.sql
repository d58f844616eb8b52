-- {{relation}}: the schema-qualified name (a utility statement takes no bind parameters).
-- strata:utility
-- strata:fixture: CREATE MATERIALIZED VIEW {{relation}} AS SELECT 1 AS id
REFRESH MATERIALIZED VIEW {{relation}}
