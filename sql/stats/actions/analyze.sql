-- strata:template: %1 is the schema-qualified name, each part quoted (a utility statement
-- takes no bind parameters). Run by tests/integration/tst_statsactions.cpp.
ANALYZE %1
