-- Where PostGIS is installed (its geometry_columns view lives there); no row without PostGIS.
SELECT n.nspname
FROM pg_catalog.pg_extension e
JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
WHERE e.extname = 'postgis'
