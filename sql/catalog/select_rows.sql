-- What "Copy as SELECT" puts on the clipboard: a person's first look at a relation's rows.
-- {{relation}}: the relation, schema-qualified.
-- strata:fixture: CREATE TABLE {{relation}} (id int)
SELECT *
FROM {{relation}}
LIMIT 100;
