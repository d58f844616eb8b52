-- PostGIS geometry columns of one table: type and SRID as PostGIS itself reports them. Run only
-- when PostGIS is installed. {{postgis_schema}}: PostGIS's schema (it need not be on the search
-- path). The fixture stands in for PostGIS's view with its columns; the schema browser's tests
-- read the real one.
-- strata:fixture: CREATE SCHEMA {{postgis_schema}};
-- strata:fixture: CREATE VIEW {{postgis_schema}}.geometry_columns AS SELECT NULL::name AS f_table_schema, NULL::name AS f_table_name, NULL::name AS f_geometry_column, NULL::varchar(30) AS type, 0 AS srid, 2 AS coord_dimension
SELECT g.f_geometry_column::text AS column_name, g.type::text AS geometry_type, g.srid,
       g.coord_dimension
FROM {{postgis_schema}}.geometry_columns g
WHERE g.f_table_schema = $1::text AND g.f_table_name = $2::text
ORDER BY 1
