-- Whether a database of this name exists. $1: the name.
SELECT count(*) AS databases FROM pg_database WHERE datname = $1
