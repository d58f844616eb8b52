-- strata:utility
DROP DATABASE IF EXISTS {{database}} WITH (FORCE)
