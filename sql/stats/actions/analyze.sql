-- {{relation}}: the schema-qualified name (a utility statement takes no bind parameters).
-- strata:utility
-- strata:fixture: CREATE TABLE {{relation}} (id int)
ANALYZE {{relation}}
