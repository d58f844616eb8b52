-- A sequence against the column that draws from it: the column's largest value and where the
-- sequence stands. {{column}} of {{table}}, {{sequence}}: identifiers, each part quoted.
-- strata:fixture: CREATE TABLE {{table}} ({{column}} bigint); CREATE SEQUENCE {{sequence}}
SELECT (SELECT max({{column}}) FROM {{table}})::bigint AS max_value, s.last_value, s.is_called
FROM {{sequence}} s
