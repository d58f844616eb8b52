-- EF Core's applied migrations, newest first.
-- {{table}}: the history table, schema-qualified.
-- strata:fixture: CREATE TABLE {{table}} ("MigrationId" varchar(150) PRIMARY KEY, "ProductVersion" varchar(32) NOT NULL)
SELECT "MigrationId"::text AS migration_id, "ProductVersion"::text AS product_version
FROM {{table}}
ORDER BY "MigrationId" DESC
LIMIT $1
