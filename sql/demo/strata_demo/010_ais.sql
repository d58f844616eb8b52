-- Strata demo database "strata_demo", part 1: AIS vessel tracking.
--
-- Run by Strata through libpq PQexec as one multi-statement string (so the
-- whole file is one implicit transaction), or by hand with
--   psql -X -v ON_ERROR_STOP=1 -d strata_demo -f 010_ais.sql
-- No psql meta-commands, no database creation.
--
-- Everything is deterministic: pseudo-random values come from a hash of a row
-- key (pg_temp.rnd below), never from an unseeded random(). All timestamps are
-- written with an explicit UTC offset so the result does not depend on the
-- session TimeZone.
--
-- Volume: 250 vessels x 4000 reports = 1,000,000 positions in the 2024
-- partitions, plus 500 out-of-range reports that land in the DEFAULT partition.

-- Bulk-load helpers for this session only.
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';
-- JIT compilation of the one-shot generator queries costs more than it saves.
SET jit = off;

-- Deterministic uniform value in [0, 1) from (key, salt). Temporary, so it
-- leaves nothing behind in the demo database. Simple SQL functions like this
-- are inlined by the planner, so calling it per row is cheap.
CREATE OR REPLACE FUNCTION pg_temp.rnd(k bigint, salt bigint)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (hashint8extended(k, salt) & 4503599627370495)::double precision / 4503599627370496.0 $$;

CREATE SCHEMA ais;
COMMENT ON SCHEMA ais IS 'AIS (Automatic Identification System) vessel tracking: vessels, voyages and position reports for 2024.';

------------------------------------------------------------------------------
-- Reference tables
------------------------------------------------------------------------------

CREATE TABLE ais.ship_types (
    code        smallint PRIMARY KEY,
    description text     NOT NULL,
    category    text     NOT NULL
);
COMMENT ON TABLE ais.ship_types IS 'AIS "type of ship and cargo" codes (ITU-R M.1371), reduced to the codes used in the demo.';
COMMENT ON COLUMN ais.ship_types.category IS 'Coarse grouping used for traffic statistics.';

INSERT INTO ais.ship_types (code, description, category) VALUES
    (30, 'Fishing',                           'Fishing'),
    (31, 'Towing',                            'Tug'),
    (36, 'Sailing',                           'Pleasure'),
    (37, 'Pleasure craft',                    'Pleasure'),
    (52, 'Tug',                               'Tug'),
    (60, 'Passenger',                         'Passenger'),
    (70, 'Cargo',                             'Cargo'),
    (71, 'Cargo, hazardous category A',       'Cargo'),
    (79, 'Cargo, no additional information',  'Cargo'),
    (80, 'Tanker',                            'Tanker'),
    (81, 'Tanker, hazardous category A',      'Tanker'),
    (89, 'Tanker, no additional information', 'Tanker');

CREATE TABLE ais.nav_statuses (
    code        smallint PRIMARY KEY CHECK (code BETWEEN 0 AND 15),
    description text     NOT NULL
);
COMMENT ON TABLE ais.nav_statuses IS 'AIS navigational status codes (message types 1-3).';

INSERT INTO ais.nav_statuses (code, description) VALUES
    (0,  'Under way using engine'),
    (1,  'At anchor'),
    (2,  'Not under command'),
    (3,  'Restricted manoeuvrability'),
    (5,  'Moored'),
    (7,  'Engaged in fishing'),
    (8,  'Under way sailing'),
    (15, 'Undefined');

CREATE TABLE ais.ports (
    locode  char(5)          PRIMARY KEY,
    name    text             NOT NULL,
    country char(2)          NOT NULL,
    lat     double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon     double precision NOT NULL CHECK (lon BETWEEN -180 AND 180)
);
COMMENT ON TABLE ais.ports IS 'Ports referenced by voyages. Plain coordinates, so the AIS model works without PostGIS (geo.ports adds geometries when PostGIS is available).';
COMMENT ON COLUMN ais.ports.locode IS 'UN/LOCODE: ISO 3166 country code + 3-letter location code.';

-- Approximate harbour positions (WGS 84).
INSERT INTO ais.ports (locode, name, country, lat, lon) VALUES
    ('NLRTM', 'Rotterdam',        'NL', 51.9490,   4.1420),
    ('NLIJM', 'IJmuiden',         'NL', 52.4630,   4.5800),
    ('BEANR', 'Antwerp',          'BE', 51.2630,   4.3890),
    ('DEHAM', 'Hamburg',          'DE', 53.5410,   9.9690),
    ('DEKEL', 'Kiel',             'DE', 54.3250,  10.1450),
    ('GBFXT', 'Felixstowe',       'GB', 51.9550,   1.3200),
    ('GBABD', 'Aberdeen',         'GB', 57.1440,  -2.0770),
    ('GBPHD', 'Peterhead',        'GB', 57.5030,  -1.7800),
    ('GBDVR', 'Dover',            'GB', 51.1200,   1.3300),
    ('FRCQF', 'Calais',           'FR', 50.9650,   1.8600),
    ('DKEBJ', 'Esbjerg',          'DK', 55.4670,   8.4400),
    ('NOBGO', 'Bergen',           'NO', 60.3970,   5.3150),
    ('PLGDN', 'Gdańsk',           'PL', 54.3950,  18.6700),
    ('SESTO', 'Stockholm',        'SE', 59.3250,  18.0900),
    ('FIHEL', 'Helsinki',         'FI', 60.1600,  24.9550),
    ('FIHKO', 'Hanko',            'FI', 59.8230,  22.9680),
    ('FIKTK', 'Kotka',            'FI', 60.4550,  26.9450),
    ('EETLL', 'Tallinn',          'EE', 59.4450,  24.7700),
    ('ESBCN', 'Barcelona',        'ES', 41.3500,   2.1700),
    ('ESVLC', 'Valencia',         'ES', 39.4450,  -0.3200),
    ('ESPMI', 'Palma',            'ES', 39.5600,   2.6300),
    ('FRMRS', 'Marseille',        'FR', 43.3300,   5.3500),
    ('FRPVE', 'Port-Vendres',     'FR', 42.5180,   3.1080),
    ('SGSIN', 'Singapore',        'SG',  1.2650, 103.8200),
    ('VNSGN', 'Ho Chi Minh City', 'VN', 10.7700, 106.7100),
    ('HKHKG', 'Hong Kong',        'HK', 22.3000, 114.1600),
    ('USHOU', 'Houston',          'US', 29.7300, -95.2700),
    ('USMSY', 'New Orleans',      'US', 29.9350, -90.0600),
    ('USTPA', 'Tampa',            'US', 27.9450, -82.4450),
    ('MXVER', 'Veracruz',         'MX', 19.2000, -96.1300);

------------------------------------------------------------------------------
-- Vessels
------------------------------------------------------------------------------

CREATE TABLE ais.vessels (
    mmsi          bigint       PRIMARY KEY CHECK (mmsi BETWEEN 100000000 AND 999999999),
    imo           integer      UNIQUE
                               -- IMO numbers carry a check digit: sum of the first six digits
                               -- weighted 7..2, modulo 10.
                               CHECK (imo BETWEEN 1000000 AND 9999999
                                      AND (  (imo / 1000000)     * 7 + (imo / 100000 % 10) * 6
                                           + (imo / 10000 % 10)  * 5 + (imo / 1000 % 10)   * 4
                                           + (imo / 100 % 10)    * 3 + (imo / 10 % 10)     * 2) % 10 = imo % 10),
    name          varchar(20)  NOT NULL,
    call_sign     varchar(7),
    ship_type     smallint     NOT NULL REFERENCES ais.ship_types (code),
    flag          char(2)      NOT NULL,
    length_m      numeric(5,1) CHECK (length_m > 0),
    beam_m        numeric(4,1) CHECK (beam_m > 0),
    draught_m     numeric(4,1),
    gross_tonnage integer,
    built_year    smallint     CHECK (built_year BETWEEN 1950 AND 2024),
    home_port     char(5)      REFERENCES ais.ports (locode)
);
COMMENT ON TABLE  ais.vessels IS 'Static vessel data (AIS message type 5 / registry data), one row per MMSI.';
COMMENT ON COLUMN ais.vessels.mmsi IS 'Maritime Mobile Service Identity; the first three digits (MID) identify the flag state.';
COMMENT ON COLUMN ais.vessels.imo IS 'IMO ship number (7 digits with check digit); NULL for small craft that have none.';
COMMENT ON COLUMN ais.vessels.name IS 'Vessel name as broadcast (AIS allows 20 characters).';
COMMENT ON COLUMN ais.vessels.call_sign IS 'Radio call sign; the prefix is allocated to the flag state by the ITU.';
COMMENT ON COLUMN ais.vessels.ship_type IS 'AIS type of ship and cargo, see ais.ship_types.';
COMMENT ON COLUMN ais.vessels.flag IS 'Flag state, ISO 3166-1 alpha-2.';
COMMENT ON COLUMN ais.vessels.length_m IS 'Length overall in metres.';
COMMENT ON COLUMN ais.vessels.draught_m IS 'Maximum static draught in metres.';

-- Movement model for each vessel, used only while generating data.
-- A "lane" vessel shuttles between two ports (u = sin(theta) runs from -1 at
-- end A to +1 at end B); a "loiter" vessel draws figure-eights around a
-- fishing or leisure area; a "harbour" vessel (tug) stays near its port.
CREATE TEMP TABLE routes (
    route_id int PRIMARY KEY,
    mode     text    NOT NULL,          -- lane | ferry | fishing | leisure | harbour
    a_locode char(5) NOT NULL,          -- end A (or home port of a loiter area)
    b_locode char(5),                   -- end B (lanes only)
    a_lat float8, a_lon float8,         -- approach point off port A, or area centre
    b_lat float8, b_lon float8,         -- approach point off port B
    radius float8                       -- loiter radius in degrees
);
-- Endpoints are approach points a few miles off the ports so that the
-- straight lanes stay at sea.
INSERT INTO routes VALUES
    ( 1, 'lane',    'NLRTM', 'NOBGO', 52.00,   3.95, 60.35,   4.60, NULL),
    ( 2, 'lane',    'GBFXT', 'DKEBJ', 51.90,   1.60, 55.45,   8.05, NULL),
    ( 3, 'lane',    'BEANR', 'GBABD', 51.45,   3.30, 57.15,  -1.90, NULL),
    ( 4, 'lane',    'PLGDN', 'SESTO', 54.70,  19.30, 59.30,  19.90, NULL),
    ( 5, 'lane',    'FIHKO', 'FIKTK', 59.70,  22.90, 60.30,  26.60, NULL),
    ( 6, 'lane',    'ESBCN', 'FRMRS', 41.20,   2.40, 43.15,   5.20, NULL),
    ( 7, 'lane',    'SGSIN', 'VNSGN',  1.40, 104.50, 10.25, 107.40, NULL),
    ( 8, 'lane',    'SGSIN', 'HKHKG',  1.40, 104.50, 21.90, 114.10, NULL),
    ( 9, 'lane',    'USHOU', 'USMSY', 29.20, -94.60, 28.85, -89.50, NULL),
    (10, 'lane',    'USHOU', 'MXVER', 29.00, -94.50, 19.30, -95.90, NULL),
    (11, 'lane',    'USTPA', 'USMSY', 27.60, -82.95, 28.85, -89.30, NULL),
    (12, 'ferry',   'FIHEL', 'EETLL', 60.10,  24.95, 59.50,  24.78, NULL),
    (13, 'ferry',   'GBDVR', 'FRCQF', 51.10,   1.38, 50.98,   1.80, NULL),
    (14, 'ferry',   'ESBCN', 'ESPMI', 41.30,   2.25, 39.50,   2.60, NULL),
    (15, 'ferry',   'ESVLC', 'ESPMI', 39.42,  -0.15, 39.48,   2.55, NULL),
    (16, 'fishing', 'NLIJM', NULL,    54.75,   2.30, NULL,    NULL, 0.50),  -- Dogger Bank
    (17, 'fishing', 'GBPHD', NULL,    58.30,   0.50, NULL,    NULL, 0.50),  -- Fladen Ground
    (18, 'fishing', 'PLGDN', NULL,    55.30,  16.00, NULL,    NULL, 0.30),  -- Bornholm Basin
    (19, 'fishing', 'FRPVE', NULL,    42.90,   4.00, NULL,    NULL, 0.25),  -- Gulf of Lion
    (20, 'fishing', 'USMSY', NULL,    28.60, -91.50, NULL,    NULL, 0.30),  -- Louisiana shelf
    (21, 'fishing', 'VNSGN', NULL,     7.00, 105.50, NULL,    NULL, 0.50),  -- off Ca Mau
    (22, 'leisure', 'ESPMI', NULL,    39.45,   2.65, NULL,    NULL, 0.10),  -- Bay of Palma
    (23, 'leisure', 'DEKEL', NULL,    54.55,  10.30, NULL,    NULL, 0.10),  -- Kiel Bay
    (24, 'leisure', 'SESTO', NULL,    59.35,  18.90, NULL,    NULL, 0.08),  -- Stockholm archipelago
    (25, 'harbour', 'NLRTM', NULL,    NULL,   NULL,  NULL,    NULL, 0.03),
    (26, 'harbour', 'SGSIN', NULL,    NULL,   NULL,  NULL,    NULL, 0.03),
    (27, 'harbour', 'USHOU', NULL,    NULL,   NULL,  NULL,    NULL, 0.03),
    (28, 'harbour', 'DEHAM', NULL,    NULL,   NULL,  NULL,    NULL, 0.03);

-- Harbour "areas" are centred on the port itself.
UPDATE routes r SET a_lat = p.lat, a_lon = p.lon
FROM ais.ports p WHERE r.mode = 'harbour' AND p.locode = r.a_locode;

-- Flag states: MID prefix of the MMSI, ISO country, ITU call-sign prefix.
CREATE TEMP TABLE flags (flag_no int PRIMARY KEY, mid int, iso char(2), cs_prefix text);
INSERT INTO flags VALUES
    ( 1, 244, 'NL', 'PD'), ( 2, 211, 'DE', 'DA'), ( 3, 219, 'DK', 'OU'), ( 4, 230, 'FI', 'OH'),
    ( 5, 257, 'NO', 'LA'), ( 6, 265, 'SE', 'SA'), ( 7, 235, 'GB', 'MA'), ( 8, 227, 'FR', 'FA'),
    ( 9, 224, 'ES', 'EA'), (10, 247, 'IT', 'IB'), (11, 237, 'GR', 'SV'), (12, 261, 'PL', 'SP'),
    (13, 276, 'EE', 'ES'), (14, 366, 'US', 'WD'), (15, 345, 'MX', 'XC'), (16, 574, 'VN', 'XV'),
    (17, 563, 'SG', '9V'), (18, 477, 'HK', 'VR'),
    -- open registries, common for deep-sea cargo and tankers
    (19, 636, 'LR', 'A8'), (20, 538, 'MH', 'V7'), (21, 352, 'PA', '3E'), (22, 248, 'MT', '9H');

-- Fleet of 250 vessels: i = 1..250 decides the role, hashes decide the rest.
CREATE TEMP TABLE fleet AS
WITH base AS (
    SELECT i,
           CASE WHEN i <= 125 THEN 'lane'
                WHEN i <= 145 THEN 'ferry'
                WHEN i <= 200 THEN 'fishing'
                WHEN i <= 220 THEN 'harbour'
                ELSE 'leisure' END AS mode,
           pg_temp.rnd(i, 101) AS h1, pg_temp.rnd(i, 102) AS h2, pg_temp.rnd(i, 103) AS h3,
           pg_temp.rnd(i, 104) AS h4, pg_temp.rnd(i, 105) AS h5, pg_temp.rnd(i, 106) AS h6
    FROM generate_series(1, 250) AS i
), routed AS (
    SELECT b.*,
           CASE b.mode WHEN 'lane'    THEN 1  + (b.i % 11)
                       WHEN 'ferry'   THEN 12 + (b.i % 4)
                       WHEN 'fishing' THEN 16 + (b.i % 6)
                       WHEN 'leisure' THEN 22 + (b.i % 3)
                       ELSE                25 + (b.i % 4) END AS route_id
    FROM base b
), typed AS (
    SELECT r.*,
           CASE r.mode
               WHEN 'lane'    THEN (ARRAY[70,70,70,71,79,80,80,81,89])[1 + floor(r.h1 * 9)::int]
               WHEN 'ferry'   THEN 60
               WHEN 'fishing' THEN 30
               WHEN 'harbour' THEN CASE WHEN r.h1 < 0.7 THEN 52 ELSE 31 END
               ELSE                CASE WHEN r.h1 < 0.6 THEN 36 ELSE 37 END END AS ship_type
    FROM routed r
), flagged AS (
    -- Deep-sea traffic flies any flag (often open registries); local craft fly
    -- the flag of their home port's country.
    SELECT t.*, ro.a_locode, ro.b_locode,
           CASE WHEN t.mode = 'lane' THEN 1 + floor(t.h2 * 22)::int
                ELSE coalesce((SELECT f.flag_no FROM flags f JOIN ais.ports p ON p.country = f.iso
                               WHERE p.locode = ro.a_locode), 19) END AS flag_no
    FROM typed t JOIN routes ro USING (route_id)
)
SELECT fl.i, fl.mode, fl.route_id, fl.ship_type,
       f.mid::bigint * 1000000 + 100000 + (fl.i * 3541) % 900000 AS mmsi,
       f.iso AS flag, f.cs_prefix,
       fl.h1, fl.h2, fl.h3, fl.h4, fl.h5, fl.h6, fl.a_locode, fl.b_locode,
       -- service speed in knots
       CASE fl.mode WHEN 'lane'    THEN CASE WHEN fl.ship_type >= 80 THEN 11 + 4 * fl.h3 ELSE 14 + 8 * fl.h3 END
                    WHEN 'ferry'   THEN 18 + 8 * fl.h3
                    WHEN 'fishing' THEN 9 + 3 * fl.h3
                    WHEN 'harbour' THEN 10 + 3 * fl.h3
                    ELSE 6 + 5 * fl.h3 END AS vmax,
       -- length overall in metres
       CASE fl.mode WHEN 'lane'    THEN CASE WHEN fl.ship_type >= 80 THEN 100 + 230 * fl.h4 ELSE 90 + 300 * fl.h4 * fl.h4 END
                    WHEN 'ferry'   THEN 120 + 100 * fl.h4
                    WHEN 'fishing' THEN 15 + 45 * fl.h4
                    WHEN 'harbour' THEN 22 + 18 * fl.h4
                    ELSE 8 + 22 * fl.h4 * fl.h4 END AS length_m,
       2 * pi() * fl.h5 AS phase
FROM flagged fl JOIN flags f USING (flag_no);

INSERT INTO ais.vessels (mmsi, imo, name, call_sign, ship_type, flag, length_m, beam_m,
                         draught_m, gross_tonnage, built_year, home_port)
SELECT f.mmsi,
       -- IMO number with a valid check digit for seagoing ships; small
       -- fishing boats, tugs and pleasure craft have none.
       CASE WHEN f.mode IN ('lane', 'ferry') OR (f.mode = 'fishing' AND f.length_m >= 24)
            THEN d.six * 10 + (  (d.six / 100000)     * 7 + (d.six / 10000 % 10) * 6
                               + (d.six / 1000 % 10)  * 5 + (d.six / 100 % 10)   * 4
                               + (d.six / 10 % 10)    * 3 + (d.six % 10)         * 2) % 10 END,
       CASE f.mode
           WHEN 'lane' THEN
               (ARRAY['NORDIC','ATLANTIC','BALTIC','OCEAN','GOLDEN','SILVER','POLAR','CORAL',
                      'EASTERN','WESTERN','NORTHERN','SOUTHERN','AURORA','MERIDIAN','GRAND','STELLA'])[1 + floor(f.h6 * 16)::int]
               || ' ' ||
               (ARRAY['TRADER','SPIRIT','PIONEER','VOYAGER','EXPRESS','CARRIER','HORIZON','FORTUNE',
                      'PRIDE','GLORY','HARMONY','VENTURE','ENDEAVOUR','STAR','BRIDGE','ARROW'])[1 + (f.i * 7) % 16]
           WHEN 'ferry' THEN
               (ARRAY['AURORA','STAR','SEA WIND','SPIRIT OF','QUEEN OF','CIUDAD DE','BALTIC','ISLAND'])[1 + f.i % 8]
               || ' ' ||
               (ARRAY['ATLANTIS','KENT','FINLANDIA','BRITAIN','PALMA','NORDLAND','MALLORCA','SKY','CALAIS','CANTERBURY'])[1 + (f.i * 3) % 10]
           WHEN 'fishing' THEN
               (ARRAY['ZEEVAARDER','JOHANNA','MORGENSTER','ALBATROS','NOORDSTER','DOLFIJN','KINGFISHER',
                      'PROVIDENCE','GOOD HOPE','SEA HARVEST','MARIA','SANTA LUCIA','LAIMA','DAI PHAT'])[1 + floor(f.h6 * 14)::int]
               || ' ' || (1 + f.i % 9)::text
           WHEN 'harbour' THEN
               (ARRAY['TOWMASTER','HARBOUR','PORTSIDE','ATLAS','HERCULES','TITAN'])[1 + f.i % 6]
               || ' ' || (ARRAY['ORCA','BUFFALO','BISON','RHINO','EAGLE','MAMMOTH','GRIZZLY'])[1 + floor(f.h6 * 7)::int]
           ELSE
               (ARRAY['SEA BREEZE','LADY ANN','BLUE MOON','WINDSONG','SOLVIND','MEERESRUH','ESTRELLA',
                      'AQUARIUS','FREYA','NEPTUNE','CALYPSO','MISTRAL'])[1 + floor(f.h6 * 12)::int]
       END,
       -- Call sign: ITU prefix of the flag state + two letters + a digit.
       -- A few pleasure craft broadcast none.
       CASE WHEN f.mode = 'leisure' AND f.h2 < 0.3 THEN NULL
            ELSE f.cs_prefix || chr(65 + (f.i * 7) % 26) || chr(65 + floor(f.h3 * 26)::int) || (f.i % 10)::text END,
       f.ship_type,
       f.flag,
       round(f.length_m::numeric, 1),
       round((f.length_m / CASE WHEN f.mode = 'leisure' THEN 3.2 ELSE 6.5 END)::numeric, 1),
       round((CASE WHEN f.mode = 'leisure' THEN 1.2 + f.length_m * 0.05
                   ELSE 2.0 + f.length_m * 0.04 END)::numeric, 1),
       CASE WHEN f.mode = 'leisure' THEN NULL
            ELSE round(f.length_m ^ 3 / (CASE WHEN f.mode = 'lane' THEN 380 ELSE 250 END))::int END,
       CASE WHEN f.mode = 'leisure' THEN 1975 ELSE 1985 END + floor(f.h4 * 17 + f.h5 * 22)::int,
       f.a_locode
FROM fleet f
CROSS JOIN LATERAL (SELECT 900000 + (f.i * 7919) % 99991 AS six) d  -- 99991 is prime: distinct for every i
ORDER BY f.mmsi;

-- Per-vessel kinematics derived from the route.
ALTER TABLE fleet ADD COLUMN period_h float8;
UPDATE fleet f
SET period_h = CASE
        -- one round trip at service speed: 2*pi*half-length / speed
        WHEN f.mode IN ('lane', 'ferry') THEN
            2 * pi() * sqrt(((r.b_lat - r.a_lat) * 30) ^ 2
                            + ((r.b_lon - r.a_lon) * 30 * cos(radians((r.a_lat + r.b_lat) / 2))) ^ 2) / f.vmax
        WHEN f.mode = 'fishing' THEN 20 + 20 * f.h4
        WHEN f.mode = 'leisure' THEN 8 + 8 * f.h4
        ELSE 6 + 4 * f.h4 END
FROM routes r WHERE r.route_id = f.route_id;

------------------------------------------------------------------------------
-- Voyages
------------------------------------------------------------------------------

CREATE TABLE ais.voyages (
    voyage_id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    mmsi                   bigint       NOT NULL,   -- foreign keys are added after the load
    origin_locode          char(5)      NOT NULL,
    destination_locode     char(5)      NOT NULL,
    reported_destination   varchar(20),
    departed_at            timestamptz  NOT NULL,
    arrived_at             timestamptz,
    eta                    timestamptz,
    draught_m              numeric(4,1),
    CHECK (arrived_at IS NULL OR arrived_at > departed_at)
);
COMMENT ON TABLE  ais.voyages IS 'Port-to-port legs of lane vessels, derived from their positions. The last leg of a vessel may still be under way.';
COMMENT ON COLUMN ais.voyages.voyage_id IS 'Surrogate key from an identity sequence (GENERATED ALWAYS).';
COMMENT ON COLUMN ais.voyages.reported_destination IS 'Free-text destination as typed by the crew into the AIS transponder.';
COMMENT ON COLUMN ais.voyages.arrived_at IS 'NULL while the voyage is still under way at the end of the data set.';

-- Voyage n runs from one mooring window to the next. A vessel is moored while
-- |cos(theta)| < 0.15, i.e. within asin(0.15) of theta = pi/2 + k*pi.
INSERT INTO ais.voyages (mmsi, origin_locode, destination_locode, reported_destination,
                         departed_at, arrived_at, eta, draught_m)
SELECT v.mmsi,
       CASE WHEN v.n % 2 = 1 THEN v.b_locode ELSE v.a_locode END,
       CASE WHEN v.n % 2 = 1 THEN v.a_locode ELSE v.b_locode END,
       -- crews type destinations in many styles
       CASE floor(pg_temp.rnd(v.mmsi * 1000 + v.n, 201) * 4)::int
           WHEN 0 THEN CASE WHEN v.n % 2 = 1 THEN v.a_locode ELSE v.b_locode END
           WHEN 1 THEN left(CASE WHEN v.n % 2 = 1 THEN v.a_locode ELSE v.b_locode END, 2) || ' '
                       || right(CASE WHEN v.n % 2 = 1 THEN v.a_locode ELSE v.b_locode END, 3)
           WHEN 2 THEN upper(p.name)
           ELSE 'FOR ORDERS' END,
       date_trunc('second', v.dep),
       CASE WHEN v.arr <= '2024-12-31 23:59:59+00' THEN date_trunc('second', v.arr) END,
       date_trunc('minute', v.arr + (pg_temp.rnd(v.mmsi * 1000 + v.n, 202) * 6 - 3) * interval '1 hour'),
       round((2.0 + v.length_m * 0.04 * (0.7 + 0.3 * pg_temp.rnd(v.mmsi * 1000 + v.n, 203)))::numeric, 1)
FROM (
    SELECT f.mmsi, f.a_locode, f.b_locode, f.length_m, n,
           '2024-01-01 00:00:00+00'::timestamptz
             + ((pi() / 2 + (n - 1) * pi() + asin(0.15) - f.phase) * f.period_h / (2 * pi())) * interval '1 hour' AS dep,
           '2024-01-01 00:00:00+00'::timestamptz
             + ((pi() / 2 + n * pi() - asin(0.15) - f.phase) * f.period_h / (2 * pi())) * interval '1 hour' AS arr
    FROM fleet f
    CROSS JOIN LATERAL generate_series(0, ceil(2 * 8784 / f.period_h)::int + 4) AS n
    WHERE f.mode = 'lane'
) v
JOIN ais.ports p ON p.locode = CASE WHEN v.n % 2 = 1 THEN v.a_locode ELSE v.b_locode END
WHERE v.dep >= '2024-01-01 00:00:00+00' AND v.dep < '2025-01-01 00:00:00+00'
ORDER BY v.dep, v.mmsi;

------------------------------------------------------------------------------
-- Positions, partitioned by month
------------------------------------------------------------------------------

CREATE TABLE ais.positions (
    mmsi       bigint           NOT NULL,
    ts         timestamptz      NOT NULL,
    lat        double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon        double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    sog        real             CHECK (sog >= 0 AND sog < 102.3),
    cog        real             CHECK (cog >= 0 AND cog < 360),
    heading    smallint         CHECK (heading BETWEEN 0 AND 359 OR heading = 511),
    nav_status smallint         NOT NULL DEFAULT 15
) PARTITION BY RANGE (ts);
COMMENT ON TABLE  ais.positions IS 'Position reports (AIS message types 1-3), range-partitioned by month of ts. Reports outside 2024 go to the DEFAULT partition.';
COMMENT ON COLUMN ais.positions.mmsi IS 'Reporting vessel, see ais.vessels.';
COMMENT ON COLUMN ais.positions.ts IS 'Time the report was received (UTC).';
COMMENT ON COLUMN ais.positions.lat IS 'Latitude in decimal degrees, WGS 84.';
COMMENT ON COLUMN ais.positions.lon IS 'Longitude in decimal degrees, WGS 84.';
COMMENT ON COLUMN ais.positions.sog IS 'Speed over ground in knots.';
COMMENT ON COLUMN ais.positions.cog IS 'Course over ground in degrees from true north.';
COMMENT ON COLUMN ais.positions.heading IS 'True heading in degrees; 511 means not available.';
COMMENT ON COLUMN ais.positions.nav_status IS 'Navigational status, see ais.nav_statuses.';

-- One partition per month of 2024, bounds in UTC.
DO $$
DECLARE
    m date;
BEGIN
    FOR m IN SELECT generate_series(date '2024-01-01', date '2024-12-01', interval '1 month')::date LOOP
        EXECUTE format(
            'CREATE TABLE ais.%I PARTITION OF ais.positions FOR VALUES FROM (%L) TO (%L)',
            'positions_' || to_char(m, 'YYYY_MM'),
            to_char(m, 'YYYY-MM-DD') || ' 00:00:00+00',
            to_char(m + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
    END LOOP;
END
$$;
CREATE TABLE ais.positions_default PARTITION OF ais.positions DEFAULT;
COMMENT ON TABLE ais.positions_default IS 'Catch-all partition: reports with timestamps outside 2024 (receiver clock errors, early 2025 data).';

-- Per-vessel constants of the movement model, so the 1M-row query below only
-- does per-report work. For lanes: centre (c_lat, c_lon), half-vector from
-- centre to end B (h_lat, h_lon), a 0.02 degree starboard offset (s_lat,
-- s_lon) and factors turning d/dtheta into knots (k_n, k_e).
CREATE TEMP TABLE motion AS
SELECT f.mmsi, f.ship_type, f.h2,
       -- booleans instead of text comparisons in the hot loop
       f.mode IN ('lane', 'ferry') AS is_lane,
       f.mode = 'harbour'          AS is_harbour,
       f.mode = 'leisure'          AS is_leisure,
       2 * pi() / (f.period_h * 3600) AS omega,          -- radians per second
       f.phase,
       hp.lat AS port_lat, hp.lon AS port_lon,      -- port A (home port)
       bp.lat AS bport_lat, bp.lon AS bport_lon,    -- port B (lanes only)
       CASE WHEN f.mode IN ('lane', 'ferry') THEN (r.a_lat + r.b_lat) / 2 ELSE r.a_lat END AS c_lat,
       CASE WHEN f.mode IN ('lane', 'ferry') THEN (r.a_lon + r.b_lon) / 2 ELSE r.a_lon END AS c_lon,
       (r.b_lat - r.a_lat) / 2 AS h_lat,
       (r.b_lon - r.a_lon) / 2 AS h_lon,
       -0.02 * (r.b_lon - r.a_lon) / sqrt((r.b_lat - r.a_lat) ^ 2 + (r.b_lon - r.a_lon) ^ 2) AS s_lat,
        0.02 * (r.b_lat - r.a_lat) / sqrt((r.b_lat - r.a_lat) ^ 2 + (r.b_lon - r.a_lon) ^ 2) AS s_lon,
       r.radius,
       1 / cos(radians(r.a_lat)) AS lon_stretch,
       -- knots = d(degrees)/d(theta) * 60 nm/degree * dtheta/dt (per hour)
       60 * 2 * pi() / f.period_h AS k_n,
       60 * 2 * pi() / f.period_h
           * cos(radians(CASE WHEN f.mode IN ('lane', 'ferry') THEN (r.a_lat + r.b_lat) / 2 ELSE r.a_lat END)) AS k_e
FROM fleet f
JOIN routes r USING (route_id)
JOIN ais.ports hp ON hp.locode = r.a_locode
LEFT JOIN ais.ports bp ON bp.locode = r.b_locode;

-- The bulk load: one INSERT ... SELECT, before any index or foreign key exists.
-- Report k of a vessel is sent at (k-1) * 7884 s plus up to ~2 h of jitter,
-- so 4000 reports per vessel span the year and (mmsi, ts) stays unique.
-- Each nesting level ends in OFFSET 0, which keeps the planner from flattening
-- it; otherwise every reference to theta, lat, vn ... would recompute the
-- whole expression.
INSERT INTO ais.positions (mmsi, ts, lat, lon, sog, cog, heading, nav_status)
SELECT q.mmsi,
       to_timestamp(1704067200 + q.tsec),                  -- 2024-01-01 00:00 UTC + tsec
       round(q.lat * 1e6) / 1e6,
       round(q.lon * 1e6) / 1e6,
       CASE WHEN q.status = 5 THEN round(q.n1 * 2) / 10
            ELSE least(round(q.speed * (0.95 + 0.1 * q.n1) * 10) / 10, 102.2) END,
       CASE WHEN q.status = 5 THEN NULL
            -- integer tenths of a degree: much cheaper than numeric modulo
            ELSE mod((round((q.course + (q.n2 - 0.5) * 6) * 10) + 7200)::int, 3600)::float8 / 10 END,
       CASE WHEN q.n3 < 0.02 THEN 511                        -- heading not available
            ELSE (round(q.course + (q.n3 - 0.5) * 10)::int + 720) % 360 END,
       -- trawlers below 6 knots are fishing
       CASE WHEN q.status = 0 AND q.ship_type = 30 AND q.speed < 6 THEN 7 ELSE q.status END
FROM (
    SELECT p.*,
           sqrt(p.vn ^ 2 + p.ve ^ 2) AS speed,
           degrees(atan2(p.ve, p.vn)) AS course
    FROM (
        SELECT t.mmsi, t.tsec, t.n1, t.n2, t.n3, t.ship_type, t.status,
               -- position in degrees; moored vessels lie in port (at the lane
               -- end they reached, or the home port) and jitter by a few metres
               CASE WHEN t.status = 5 AND t.is_lane AND t.st > 0 THEN t.bport_lat
                    WHEN t.status = 5 THEN t.port_lat
                    WHEN t.is_lane THEN t.c_lat + t.st * t.h_lat + sign(t.ct) * t.s_lat
                    WHEN t.is_harbour THEN t.c_lat + t.radius * t.st
                    ELSE t.c_lat + 0.8 * t.radius * t.st
               END + (t.n2 - 0.5) * CASE WHEN t.status = 5 THEN 0.0004 ELSE 0.002 END AS lat,
               CASE WHEN t.status = 5 AND t.is_lane AND t.st > 0 THEN t.bport_lon
                    WHEN t.status = 5 THEN t.port_lon
                    WHEN t.is_lane THEN t.c_lon + t.st * t.h_lon + sign(t.ct) * t.s_lon
                    WHEN t.is_harbour THEN t.c_lon + t.radius * t.ct * t.lon_stretch
                    ELSE t.c_lon + t.radius * sin(2 * t.theta + t.h2) * t.lon_stretch
               END + (t.n3 - 0.5) * CASE WHEN t.status = 5 THEN 0.0004 ELSE 0.002 END AS lon,
               -- velocity north / east in knots: derivative of the position
               CASE WHEN t.is_lane THEN t.ct * t.h_lat
                    WHEN t.is_harbour THEN t.radius * t.ct
                    ELSE 0.8 * t.radius * t.ct
               END * t.k_n AS vn,
               CASE WHEN t.is_lane THEN t.ct * t.h_lon * t.k_e
                    WHEN t.is_harbour THEN -t.radius * t.st * t.k_n
                    ELSE 2 * t.radius * cos(2 * t.theta + t.h2) * t.k_n
               END AS ve
        FROM (
            SELECT u.*, sin(u.theta) AS st, cos(u.theta) AS ct,
                   CASE WHEN u.is_lane THEN
                            CASE WHEN abs(cos(u.theta)) < 0.15  THEN 5 ELSE 0 END  -- at a lane end
                        WHEN u.is_harbour THEN
                            CASE WHEN u.n1 < 0.65 THEN 5 ELSE 0 END
                        WHEN u.is_leisure THEN                              -- laid up Nov-Mar
                            CASE WHEN u.tsec < 90 * 86400 OR u.tsec >= 305 * 86400 THEN 5
                                 WHEN u.ship_type = 36 THEN 8 ELSE 0 END
                        ELSE 0 END AS status
            FROM (
                -- three 16-bit noise values n1..n3 in [0, 1) from one 64-bit hash
                SELECT m.*, s.tsec,
                       (s.h & 65535)::float8 / 65536         AS n1,
                       ((s.h >> 16) & 65535)::float8 / 65536 AS n2,
                       ((s.h >> 32) & 65535)::float8 / 65536 AS n3,
                       m.omega * s.tsec + m.phase AS theta
                FROM motion m
                CROSS JOIN LATERAL (
                    SELECT k,
                           (k - 1) * 7884 + floor(pg_temp.rnd(m.mmsi * 10000 + k, 1) * 7000) AS tsec,
                           hashint8extended(m.mmsi * 10000 + k, 2) AS h
                    FROM generate_series(1, 4000) AS k
                    OFFSET 0
                ) s
                OFFSET 0
            ) u
            OFFSET 0
        ) t
        OFFSET 0
    ) p
    OFFSET 0
) q;

-- A few out-of-range reports for the DEFAULT partition: a receiver that
-- delivered early 2025 data for 40 vessels, and one whose clock ran a day
-- behind for another 10. Each repeats the vessel's last 2024 report 10 times.
INSERT INTO ais.positions (mmsi, ts, lat, lon, sog, cog, heading, nav_status)
SELECT lp.mmsi,
       CASE WHEN lp.rn <= 40 THEN '2025-01-01 00:00:00+00'::timestamptz
            ELSE '2023-12-31 12:00:00+00'::timestamptz END + (g * 600 + lp.rn * 7) * interval '1 second',
       lp.lat, lp.lon, lp.sog, lp.cog, lp.heading, lp.nav_status
FROM (
    SELECT row_number() OVER (ORDER BY last.mmsi) AS rn, last.*
    FROM (SELECT DISTINCT ON (p.mmsi) p.*
          FROM ais.positions_2024_12 p
          WHERE p.mmsi IN (SELECT mmsi FROM (SELECT mmsi, row_number() OVER (ORDER BY mmsi) AS r
                                              FROM ais.vessels) v WHERE v.r % 5 = 0)
          ORDER BY p.mmsi, p.ts DESC) last
) lp
CROSS JOIN generate_series(1, 10) AS g;

-- Indexes and foreign keys after the load: building them once is far cheaper
-- than maintaining them per row. Both cascade to every partition.
CREATE INDEX positions_mmsi_ts_idx ON ais.positions (mmsi, ts);
CREATE INDEX positions_ts_brin ON ais.positions USING brin (ts);
ALTER TABLE ais.positions
    ADD CONSTRAINT positions_mmsi_fkey FOREIGN KEY (mmsi) REFERENCES ais.vessels (mmsi),
    -- Every report's navigational status is one of the AIS codes in ais.nav_statuses.
    ADD CONSTRAINT positions_nav_status_fkey FOREIGN KEY (nav_status) REFERENCES ais.nav_statuses (code);
ALTER TABLE ais.voyages
    ADD CONSTRAINT voyages_mmsi_fkey FOREIGN KEY (mmsi) REFERENCES ais.vessels (mmsi),
    ADD CONSTRAINT voyages_origin_locode_fkey FOREIGN KEY (origin_locode) REFERENCES ais.ports (locode),
    ADD CONSTRAINT voyages_destination_locode_fkey FOREIGN KEY (destination_locode) REFERENCES ais.ports (locode);
CREATE INDEX voyages_mmsi_departed_idx ON ais.voyages (mmsi, departed_at);
CREATE INDEX vessels_ship_type_idx ON ais.vessels (ship_type);

------------------------------------------------------------------------------
-- Views
------------------------------------------------------------------------------

CREATE VIEW ais.latest_positions AS
SELECT v.mmsi, v.name, v.flag, st.category AS ship_category,
       lp.ts, lp.lat, lp.lon, lp.sog, lp.cog, lp.heading,
       lp.nav_status, ns.description AS nav_status_text
FROM ais.vessels v
JOIN ais.ship_types st ON st.code = v.ship_type
CROSS JOIN LATERAL (
    -- newest report per vessel: a backward scan of positions_mmsi_ts_idx
    SELECT p.ts, p.lat, p.lon, p.sog, p.cog, p.heading, p.nav_status
    FROM ais.positions p
    WHERE p.mmsi = v.mmsi
    ORDER BY p.ts DESC
    LIMIT 1
) lp
LEFT JOIN ais.nav_statuses ns ON ns.code = lp.nav_status;
COMMENT ON VIEW ais.latest_positions IS 'Most recent position report of every vessel.';

-- Aggregated per (day, vessel) first: a hash aggregate, about twice as fast
-- as count(DISTINCT mmsi), which sorts all million rows.
CREATE MATERIALIZED VIEW ais.daily_traffic AS
SELECT d.day,
       st.category                                        AS ship_category,
       sum(d.reports)::bigint                             AS reports,
       count(*)                                           AS vessels,
       round((sum(d.sog_sum) / sum(d.sog_n))::numeric, 2) AS avg_sog
FROM (
    SELECT (p.ts AT TIME ZONE 'UTC')::date AS day, p.mmsi,
           count(*) AS reports, sum(p.sog::float8) AS sog_sum, count(p.sog) AS sog_n
    FROM ais.positions p
    GROUP BY 1, 2
) d
JOIN ais.vessels v     ON v.mmsi = d.mmsi
JOIN ais.ship_types st ON st.code = v.ship_type
GROUP BY 1, 2;
CREATE UNIQUE INDEX daily_traffic_day_category_idx ON ais.daily_traffic (day, ship_category);
COMMENT ON MATERIALIZED VIEW ais.daily_traffic IS 'Position reports and distinct vessels per UTC day and ship category. Unique index allows REFRESH MATERIALIZED VIEW CONCURRENTLY.';

DROP TABLE motion, fleet, routes, flags;

ANALYZE ais.ship_types, ais.nav_statuses, ais.ports, ais.vessels, ais.voyages, ais.positions, ais.daily_traffic;
