-- A column's largest value beside the sequence that feeds it.
-- strata:fixture: CREATE TABLE {{table}} ({{column}} bigint); CREATE SEQUENCE {{sequence}}
SELECT (SELECT max({{column}}) FROM ONLY {{table}})::bigint AS max_value,
       s.last_value, s.is_called
FROM {{sequence}} s
