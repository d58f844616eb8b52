-- A sequence's settings and current value (NULL before first use or without privilege).
SELECT pg_catalog.format_type(s.seqtypid, NULL),
       s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcycle,
       CASE WHEN pg_catalog.has_sequence_privilege(s.seqrelid, 'SELECT,USAGE')
            THEN pg_catalog.pg_sequence_last_value(s.seqrelid) END
FROM pg_catalog.pg_sequence s
WHERE s.seqrelid = $1::oid
