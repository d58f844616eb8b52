-- Size and transaction-ID age of every database. The size needs CONNECT (or pg_read_all_stats);
-- without it the size is NULL rather than an error.
SELECT d.datname,
       CASE WHEN has_database_privilege(d.oid, 'CONNECT') OR pg_has_role('pg_read_all_stats', 'USAGE')
            THEN pg_database_size(d.oid) END AS bytes,
       age(d.datfrozenxid)::bigint AS xid_age,
       mxid_age(d.datminmxid)::bigint AS mxid_age,
       d.datallowconn,
       d.datistemplate
FROM pg_database d
ORDER BY d.datname
