-- The definition of a domain, an enum or a composite type, written by the server; other kinds
-- (base, range, pseudo types) get a comment saying PostgreSQL cannot write theirs. $1: its oid.
SELECT CASE t.typtype
         WHEN 'd' THEN format('CREATE DOMAIN %I.%I AS %s', n.nspname, t.typname,
                              pg_catalog.format_type(t.typbasetype, t.typtypmod))
                       || coalesce(E'\n    DEFAULT ' || t.typdefault, '')
                       || CASE WHEN t.typnotnull THEN E'\n    NOT NULL' ELSE '' END
                       || coalesce((SELECT string_agg(E'\n    CONSTRAINT '
                                                      || quote_ident(co.conname) || ' '
                                                      || pg_catalog.pg_get_constraintdef(co.oid),
                                                      '' ORDER BY co.conname)
                                      FROM pg_catalog.pg_constraint co
                                     WHERE co.contypid = t.oid), '')
                       || ';'
         WHEN 'e' THEN format('CREATE TYPE %I.%I AS ENUM (%s);', n.nspname, t.typname,
                              (SELECT string_agg(quote_literal(en.enumlabel), ', '
                                                 ORDER BY en.enumsortorder)
                                 FROM pg_catalog.pg_enum en WHERE en.enumtypid = t.oid))
         WHEN 'c' THEN format(E'CREATE TYPE %I.%I AS (\n%s\n);', n.nspname, t.typname,
                              (SELECT string_agg(format('    %I %s', a.attname,
                                                        pg_catalog.format_type(a.atttypid,
                                                                               a.atttypmod)),
                                                 E',\n' ORDER BY a.attnum)
                                 FROM pg_catalog.pg_attribute a
                                WHERE a.attrelid = t.typrelid AND a.attnum > 0
                                  AND NOT a.attisdropped))
         ELSE format('-- %I.%I is a %s type; PostgreSQL has no function that writes its '
                     'definition.', n.nspname, t.typname,
                     CASE t.typtype WHEN 'b' THEN 'base' WHEN 'r' THEN 'range'
                                    WHEN 'm' THEN 'multirange' WHEN 'p' THEN 'pseudo'
                                    ELSE t.typtype::text END)
       END AS statement
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.oid = $1::oid
