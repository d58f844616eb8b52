-- Who and where we are, read once after connecting.
SELECT current_database(),
       current_user,
       version(),
       coalesce((SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user), false)
