-- Query statistics for the dashboard's top statements (the demo server preloads the library).
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
