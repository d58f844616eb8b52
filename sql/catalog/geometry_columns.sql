-- PostGIS geometry columns of one table: type and SRID as PostGIS itself reports them. Run only
-- when PostGIS is installed; the reader qualifies geometry_columns with PostGIS's schema.
SELECT g.f_geometry_column::text, g.type::text, g.srid, g.coord_dimension
FROM geometry_columns g
WHERE g.f_table_schema = $1::text AND g.f_table_name = $2::text
ORDER BY 1
