-- The databases a person can see, with sizes where they may connect (NULL otherwise).
SELECT d.datname AS name,
       pg_catalog.pg_get_userbyid(d.datdba) AS owner,
       pg_catalog.pg_encoding_to_char(d.encoding) AS encoding,
       CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')
            THEN pg_catalog.pg_database_size(d.datname) END AS size_bytes
FROM pg_catalog.pg_database d
WHERE NOT d.datistemplate
ORDER BY d.datname
