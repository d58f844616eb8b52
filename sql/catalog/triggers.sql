-- User triggers of a relation (not the internal ones behind foreign keys).
SELECT t.oid, t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled
FROM pg_catalog.pg_trigger t
WHERE t.tgrelid = $1::oid AND NOT t.tgisinternal
ORDER BY t.tgname
