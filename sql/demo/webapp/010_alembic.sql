-- Strata demo database "webapp": a small shop application whose schema is
-- managed by Alembic.
--
-- The schema is what resources/demo/webapp-alembic/versions/ produces up to
-- revision f08c5d2e7a93 (add_users_last_login), which is the head stored in
-- alembic_version. Revision a51d9e3f6c27 in that folder is newer and pending:
-- its index and column are deliberately absent here.
-- Table, column and constraint names follow what SQLAlchemy/Alembic emit on
-- PostgreSQL (SERIAL keys, <table>_pkey, <table>_<col>_fkey, ...).
--
-- Deterministic: pseudo-random values come from pg_temp.rnd (hash of a key).

SET work_mem = '64MB';
-- JIT compilation of the one-shot generator queries costs more than it saves.
SET jit = off;

CREATE OR REPLACE FUNCTION pg_temp.rnd(k bigint, salt bigint)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (hashint8extended(k, salt) & 4503599627370495)::double precision / 4503599627370496.0 $$;

-- Alembic's own bookkeeping table, as Alembic creates it.
CREATE TABLE public.alembic_version (
    version_num VARCHAR(32) NOT NULL,
    CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
INSERT INTO public.alembic_version (version_num) VALUES ('f08c5d2e7a93');

-- 4f1c2a9e7b30 create_users_table (+ f08c5d2e7a93 add_users_last_login)
CREATE TABLE public.users (
    id            SERIAL                   NOT NULL,
    email         VARCHAR(255)             NOT NULL,
    full_name     VARCHAR(120)             NOT NULL,
    password_hash VARCHAR(255)             NOT NULL,
    is_active     BOOLEAN                  DEFAULT true NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    last_login_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id),
    UNIQUE (email)
);

-- 9b8d7e6f5a41 create_products_table (+ d72e14b0a6c8 add_products_sku_and_stock)
CREATE TABLE public.products (
    id          SERIAL                   NOT NULL,
    name        VARCHAR(200)             NOT NULL,
    description TEXT,
    price       NUMERIC(10, 2)           NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    sku         VARCHAR(32),
    stock       INTEGER                  DEFAULT '0' NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_products_price_positive CHECK (price >= 0),
    CONSTRAINT uq_products_sku UNIQUE (sku)
);

-- c3e5a7f9b1d2 create_orders_and_order_items
CREATE TABLE public.orders (
    id         SERIAL                   NOT NULL,
    user_id    INTEGER                  NOT NULL,
    status     VARCHAR(20)              DEFAULT 'pending' NOT NULL,
    total      NUMERIC(12, 2)           DEFAULT '0' NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE DEFAULT now() NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (user_id) REFERENCES public.users (id)
);
CREATE INDEX ix_orders_user_id ON public.orders (user_id);

CREATE TABLE public.order_items (
    id         SERIAL         NOT NULL,
    order_id   INTEGER        NOT NULL,
    product_id INTEGER        NOT NULL,
    quantity   INTEGER        NOT NULL,
    unit_price NUMERIC(10, 2) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_order_items_quantity_positive CHECK (quantity > 0),
    FOREIGN KEY (order_id) REFERENCES public.orders (id) ON DELETE CASCADE,
    FOREIGN KEY (product_id) REFERENCES public.products (id)
);
CREATE INDEX ix_order_items_order_id ON public.order_items (order_id);

------------------------------------------------------------------------------
-- Data. Ids come from the SERIAL sequences (no explicit ids), so every
-- sequence is in step with its table.
------------------------------------------------------------------------------

-- 1,500 users who signed up between March 2023 and December 2024.
INSERT INTO public.users (email, full_name, password_hash, is_active, created_at, last_login_at)
SELECT lower(n.first) || '.' || lower(n.last) || g || '@example.' || (ARRAY['com', 'org', 'net'])[1 + g % 3],
       n.first || ' ' || n.last,
       -- werkzeug-style hash string; not a real password hash
       'pbkdf2:sha256:600000$' || left(md5('salt' || g), 16) || '$' || md5('pw' || g) || md5('pw2' || g),
       pg_temp.rnd(g, 61) > 0.04,
       c.created_at,
       -- last_login_at was added in Sept 2023 (f08c5d2e7a93): NULL for users
       -- who have not logged in since
       CASE WHEN pg_temp.rnd(g, 62) < 0.2 THEN NULL
            ELSE date_trunc('second', greatest(c.created_at, timestamptz '2023-09-04 12:00:00+00')
                 + extract(epoch FROM timestamptz '2024-12-31 00:00:00+00'
                                      - greatest(c.created_at, timestamptz '2023-09-04 12:00:00+00'))
                   * pg_temp.rnd(g, 63) * interval '1 second') END
FROM generate_series(1, 1500) AS g
CROSS JOIN LATERAL (
    SELECT (ARRAY['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'Lucas', 'Mia', 'Leon', 'Sara', 'Hugo',
                  'Julia', 'Max', 'Nora', 'Finn', 'Lea', 'Omar', 'Yuki', 'Ravi', 'Ines', 'Milan'])[1 + floor(pg_temp.rnd(g, 64) * 20)::int] AS first,
           (ARRAY['Smith', 'Jones', 'Bakker', 'Weber', 'Martin', 'Russo', 'Lopez', 'Nagy', 'Berg', 'Costa',
                  'Novak', 'Meyer', 'Dumont', 'Kaya', 'Sato', 'Patel', 'Walsh', 'Moreau', 'Lind', 'Horvat'])[1 + floor(pg_temp.rnd(g, 65) * 20)::int] AS last
) n
CROSS JOIN LATERAL (
    -- all time arithmetic in seconds: day-based intervals added to a
    -- timestamptz would depend on the session TimeZone (DST)
    SELECT date_trunc('second', timestamptz '2023-03-01 00:00:00+00'
           + extract(epoch FROM timestamptz '2024-12-20 00:00:00+00' - timestamptz '2023-03-01 00:00:00+00')
             * sqrt(pg_temp.rnd(g, 66)) * interval '1 second') AS created_at
) c
ORDER BY c.created_at, g;

-- 200 products; sku and stock arrived with d72e14b0a6c8, a few products never got a sku.
INSERT INTO public.products (name, description, price, created_at, sku, stock)
SELECT a.adj || ' ' || k.kind,
       CASE WHEN g % 5 = 0 THEN NULL ELSE 'The ' || lower(a.adj) || ' ' || lower(k.kind) || ', model ' || g || '.' END,
       floor(k.base_price * (0.7 + pg_temp.rnd(g, 71) * 0.9)) + 0.99,   -- x.99 pricing
       timestamptz '2023-02-20 00:00:00+00' + g * interval '51 hours',
       CASE WHEN g % 23 = 0 THEN NULL ELSE upper(left(k.kind, 3)) || '-' || lpad(g::text, 5, '0') END,
       floor(pg_temp.rnd(g, 72) ^ 2 * 500)::int
FROM generate_series(1, 200) AS g
CROSS JOIN LATERAL (
    SELECT (ARRAY['Classic', 'Compact', 'Deluxe', 'Eco', 'Heavy-duty', 'Mini', 'Pro', 'Smart', 'Travel', 'Vintage'])[1 + g % 10] AS adj
) a
CROSS JOIN LATERAL (
    SELECT kind, base_price
    FROM (VALUES (0, 'Kettle', 39.0), (1, 'Backpack', 69.0), (2, 'Desk lamp', 45.0), (3, 'Headphones', 119.0),
                 (4, 'Water bottle', 19.0), (5, 'Notebook', 9.0), (6, 'Chair', 189.0), (7, 'Umbrella', 25.0),
                 (8, 'Blender', 89.0), (9, 'Keyboard', 79.0)) AS v(i, kind, base_price)
    WHERE v.i = (g / 10) % 10
) k
ORDER BY g;

-- 4,000 orders, each by a user who had signed up before it. User ids follow
-- sign-up order, so the users existing at time t are ids 1..n(t); n(t) comes
-- from a running count over sign-ups and orders merged on time. Earlier users
-- order more often (rnd ^ 1.5 favours small ids).
INSERT INTO public.orders (user_id, status, total, created_at)
SELECT 1 + floor(pg_temp.rnd(e.g, 83) ^ 1.5 * e.n_users)::int,
       CASE WHEN e.created_at > timestamptz '2024-12-24 00:00:00+00' THEN (ARRAY['pending', 'paid'])[1 + e.g % 2]
            WHEN pg_temp.rnd(e.g, 81) < 0.06 THEN 'cancelled'
            WHEN e.created_at > timestamptz '2024-12-10 00:00:00+00' THEN 'shipped'
            ELSE 'delivered' END,
       0,   -- filled in from the items below
       e.created_at
FROM (
    SELECT ev.g, ev.ts AS created_at,
           count(*) FILTER (WHERE ev.g IS NULL) OVER (ORDER BY ev.ts, ev.g NULLS FIRST) AS n_users
    FROM (
        SELECT NULL::int AS g, u.created_at AS ts FROM public.users u
        UNION ALL
        -- no order before the first sign-up
        SELECT g, greatest((SELECT min(created_at) FROM public.users) + interval '1 hour',
                           date_trunc('second', timestamptz '2023-03-20 00:00:00+00'
                               + extract(epoch FROM timestamptz '2024-12-31 00:00:00+00' - timestamptz '2023-03-20 00:00:00+00')
                                 * sqrt(pg_temp.rnd(g, 82)) * interval '1 second'))
        FROM generate_series(1, 4000) AS g
    ) ev
) e
WHERE e.g IS NOT NULL
ORDER BY e.created_at, e.g;

INSERT INTO public.order_items (order_id, product_id, quantity, unit_price)
SELECT o.id, p.id,
       1 + floor(pg_temp.rnd(o.id * 10 + i, 91) ^ 3 * 4)::int,
       p.price
FROM public.orders o
CROSS JOIN LATERAL generate_series(1, 1 + floor(pg_temp.rnd(o.id, 92) * 5)::int) AS i
JOIN public.products p
  ON p.id = 1 + floor(pg_temp.rnd(o.id * 10 + i, 93) * 200)::int
-- one product per order line: skip repeats within an order
WHERE NOT EXISTS (
    SELECT 1 FROM generate_series(1, i - 1) AS j
    WHERE floor(pg_temp.rnd(o.id * 10 + j, 93) * 200) = floor(pg_temp.rnd(o.id * 10 + i, 93) * 200)
)
ORDER BY o.id, i;

UPDATE public.orders o
SET total = s.total
FROM (SELECT order_id, sum(quantity * unit_price) AS total FROM public.order_items GROUP BY order_id) s
WHERE s.order_id = o.id;

ANALYZE public.alembic_version, public.users, public.products, public.orders, public.order_items;
