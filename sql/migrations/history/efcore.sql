-- strata:template: {{table}}/{{schema}} are quoted identifiers pasted at run time
-- EF Core's applied migrations, newest first.
SELECT "MigrationId"::text AS migration_id, "ProductVersion"::text AS product_version
FROM {{table}}
ORDER BY "MigrationId" DESC
LIMIT $1
