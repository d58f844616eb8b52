-- {{relation}}: the schema-qualified name (a utility statement takes no bind parameters).
-- strata:utility
-- strata:fixture: CREATE MATERIALIZED VIEW {{relation}} AS SELECT 1 AS id;
-- strata:fixture: CREATE UNIQUE INDEX ON {{relation}} (id)
REFRESH MATERIALIZED VIEW CONCURRENTLY {{relation}}
