-- strata:since: 11
-- Procedures whose body commits or rolls back: a CALL of one inside a transaction block fails
-- ("invalid transaction termination"), so a file that calls one runs outside a transaction.
-- Names in lower case, without schema.
SELECT DISTINCT lower(proname) AS name
FROM pg_proc
WHERE prokind = 'p' AND prosrc ~* '\m(commit|rollback)\M'
