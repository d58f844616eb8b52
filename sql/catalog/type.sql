-- One type: what kind, its base or labels or range subtype, owner, comment.
SELECT t.oid,
       n.nspname,
       t.typname,
       t.typtype,
       pg_catalog.format_type(t.oid, NULL),
       pg_catalog.pg_get_userbyid(t.typowner),
       pg_catalog.obj_description(t.oid, 'pg_type'),
       CASE WHEN t.typtype = 'd' THEN pg_catalog.format_type(t.typbasetype, t.typtypmod) END,
       (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
        FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid),
       (SELECT string_agg(pg_catalog.pg_get_constraintdef(k.oid, true), E'\n')
        FROM pg_catalog.pg_constraint k WHERE k.contypid = t.oid),
       t.typnotnull,
       t.typdefault,
       t.typrelid
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.oid = $1::oid
