-- Before PostgreSQL 13 the sessions still connected are ended first (end_connections).
-- strata:utility
DROP DATABASE IF EXISTS {{database}}
