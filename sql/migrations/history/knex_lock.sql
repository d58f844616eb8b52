-- Whether Knex's migration lock is held.
SELECT bool_or(is_locked::text = '1') AS locked
FROM {{table}}
