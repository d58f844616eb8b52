-- Strata demo database "strata_demo", part 3: agricultural parcel monitoring.
--
-- A "checks by monitoring" style model: a catalogue of satellite images
-- (DIAS = Copernicus Data and Information Access Services), parcel sets as
-- declared by farmers per region and year, and per-parcel, per-image, per-band
-- statistics ("card signatures") for the 2024 region of interest.
--
-- Deterministic: pseudo-random values come from pg_temp.rnd (hash of a key).
-- Reflectances follow a simple seasonal greenness curve per crop, so NDVI
-- plots of a parcel look plausible; they are synthetic, not real observations.

SET work_mem = '64MB';
-- JIT compilation of the one-shot generator queries costs more than it saves.
SET jit = off;

CREATE OR REPLACE FUNCTION pg_temp.rnd(k bigint, salt bigint)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT (hashint8extended(k, salt) & 4503599627370495)::double precision / 4503599627370496.0 $$;

CREATE SCHEMA agri;
COMMENT ON SCHEMA agri IS 'Agricultural monitoring: Sentinel image catalogue, declared parcels and per-parcel image statistics.';

------------------------------------------------------------------------------
-- Reference data
------------------------------------------------------------------------------

CREATE TABLE agri.crops (
    crop_code  varchar(8) PRIMARY KEY,
    name       text       NOT NULL,
    crop_group text       NOT NULL
);
COMMENT ON TABLE agri.crops IS 'Crop codes used in parcel declarations (simplified demo nomenclature).';

INSERT INTO agri.crops (crop_code, name, crop_group) VALUES
    ('WWHT', 'Winter wheat',        'Cereals'),
    ('BARL', 'Spring barley',       'Cereals'),
    ('MAIZ', 'Maize',               'Cereals'),
    ('RICE', 'Rice',                'Cereals'),
    ('SOYB', 'Soybean',             'Oilseeds and protein'),
    ('SUNF', 'Sunflower',           'Oilseeds and protein'),
    ('RAPE', 'Winter rapeseed',     'Oilseeds and protein'),
    ('SBEE', 'Sugar beet',          'Root crops'),
    ('POTA', 'Potato',              'Root crops'),
    ('GRAS', 'Permanent grassland', 'Grassland and fodder'),
    ('ALFA', 'Alfalfa',             'Grassland and fodder'),
    ('FALL', 'Fallow land',         'Fallow');

------------------------------------------------------------------------------
-- Satellite image catalogue
------------------------------------------------------------------------------

CREATE TABLE agri.dias_catalogue (
    id                  serial       PRIMARY KEY,
    mission             text         NOT NULL CHECK (mission IN ('Sentinel-1A', 'Sentinel-2A', 'Sentinel-2B')),
    product_type        text         NOT NULL,
    product_id          text         NOT NULL UNIQUE,
    tile                char(5)      NOT NULL,
    acquired_at         timestamptz  NOT NULL,
    relative_orbit      smallint     NOT NULL,
    cloud_cover         numeric(5,2) CHECK (cloud_cover BETWEEN 0 AND 100),
    processing_baseline char(5),
    status              text         NOT NULL DEFAULT 'ingested'
                        CHECK (status IN ('ingested', 'processed', 'failed'))
);
COMMENT ON TABLE  agri.dias_catalogue IS 'Sentinel-1/2 products covering the monitored tiles in 2024, one row per product.';
COMMENT ON COLUMN agri.dias_catalogue.id IS 'Serial key referenced by the signature tables.';
COMMENT ON COLUMN agri.dias_catalogue.product_id IS 'ESA product name (SAFE), unique.';
COMMENT ON COLUMN agri.dias_catalogue.tile IS 'Sentinel-2 MGRS tile the product is attached to (Sentinel-1 scenes are assigned to the tile they cover).';
COMMENT ON COLUMN agri.dias_catalogue.cloud_cover IS 'Cloudy pixel percentage; NULL for radar (Sentinel-1) products.';

-- Tiles of the monitored regions, with the local overpass time and orbit.
CREATE TEMP TABLE tiles (tile char(5) PRIMARY KEY, tile_no int, s2_utc time, s2_orbit int, s1_utc time, s1_orbit int);
INSERT INTO tiles VALUES
    ('32TMR', 1, '10:20:21', 108, '17:24:12', 117),
    ('32TNR', 2, '10:20:21', 108, '17:24:37', 117),
    ('30TUM', 3, '11:06:41',  94, '18:16:02',  74),
    ('30TVM', 4, '11:06:41',  94, '18:16:27',  74),
    ('31UFT', 5, '10:46:29',  51, '17:26:49',  88);

-- Sentinel-2A and -2B each revisit every 10 days, 5 days apart; Sentinel-1A
-- every 12 days (Sentinel-1B has been out of service since December 2021).
INSERT INTO agri.dias_catalogue (mission, product_type, product_id, tile, acquired_at,
                                 relative_orbit, cloud_cover, processing_baseline, status)
SELECT c.mission, c.product_type,
       CASE WHEN c.mission LIKE 'Sentinel-2%' THEN
                'S2' || right(c.mission, 1) || '_MSIL2A_' || to_char(c.acq_utc, 'YYYYMMDD"T"HH24MISS')
                || '_' || c.baseline || '_R' || lpad(c.orbit::text, 3, '0') || '_T' || c.tile
                || '_' || to_char(c.acq_utc + interval '2 hours 41 minutes', 'YYYYMMDD"T"HH24MISS')
            ELSE
                -- absolute orbit: 175 orbits per 12-day cycle
                'S1A_IW_GRDH_1SDV_' || to_char(c.acq_utc, 'YYYYMMDD"T"HH24MISS') || '_'
                || to_char(c.acq_utc + interval '25 seconds', 'YYYYMMDD"T"HH24MISS') || '_'
                || lpad((51900 + (c.acq_utc::date - date '2024-01-01') * 175 / 12 + c.orbit)::text, 6, '0') || '_'
                -- mission data-take id and product unique id (hex)
                || upper(lpad(to_hex(floor(pg_temp.rnd(c.k, 13) * 1048576)::int), 6, '0')) || '_'
                || upper(lpad(to_hex(floor(pg_temp.rnd(c.k, 14) * 65536)::int), 4, '0'))
       END,
       c.tile, c.acq_utc AT TIME ZONE 'UTC', c.orbit,
       CASE WHEN c.mission LIKE 'Sentinel-2%' THEN
                -- cloudier in winter: scale a skewed draw by a seasonal factor
                round(least(100, 100 * pg_temp.rnd(c.k, 11) ^ 1.6
                                 * (0.65 + 0.45 * cos(2 * pi() * (date_part('doy', c.acq_utc) - 15) / 366)))::numeric, 2)
       END,
       CASE WHEN c.mission LIKE 'Sentinel-2%' THEN c.baseline END,
       CASE WHEN pg_temp.rnd(c.k, 12) < 0.01 THEN 'failed' ELSE 'processed' END
FROM (
    SELECT s.*, s.tile_no * 1000 + s.n + s.m * 100000 AS k,
           -- processing baseline 05.10 until the July 2024 switch to 05.11
           CASE WHEN s.acq_utc < '2024-07-23' THEN 'N0510' ELSE 'N0511' END AS baseline
    FROM (
        SELECT t.tile, t.tile_no, m.mission, m.product_type, m.m, n,
               CASE WHEN m.m = 3 THEN t.s1_orbit ELSE t.s2_orbit END AS orbit,
               -- a timestamp without time zone, in UTC; formatting it does
               -- not depend on the session TimeZone
               (date '2024-01-01' + (t.tile_no % m.step) + m.first_day + n * m.step)
                   + CASE WHEN m.m = 3 THEN t.s1_utc ELSE t.s2_utc END AS acq_utc
        FROM tiles t
        CROSS JOIN (VALUES (1, 'Sentinel-2A', 'S2MSI2A', 10, 0),
                           (2, 'Sentinel-2B', 'S2MSI2A', 10, 5),
                           (3, 'Sentinel-1A', 'IW_GRDH_1S', 12, 0)) AS m(m, mission, product_type, step, first_day)
        CROSS JOIN LATERAL generate_series(0, 36) AS n
    ) s
    WHERE s.acq_utc < '2025-01-01'
) c
ORDER BY c.acq_utc, c.tile, c.mission;

------------------------------------------------------------------------------
-- Parcel sets and parcels
------------------------------------------------------------------------------

CREATE TABLE agri.parcel_set (
    parcel_set_id smallint     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          text         NOT NULL UNIQUE,
    year          smallint     NOT NULL,
    region        text         NOT NULL,
    country       char(2)      NOT NULL,
    tiles         char(5)[]    NOT NULL,
    source        text         NOT NULL,
    loaded_at     timestamptz  NOT NULL
);
COMMENT ON TABLE  agri.parcel_set IS 'One set of declared parcels (geospatial aid application) per region and claim year.';
COMMENT ON COLUMN agri.parcel_set.tiles IS 'Sentinel-2 tiles covering the region.';

INSERT INTO agri.parcel_set (name, year, region, country, tiles, source, loaded_at) VALUES
    ('LOM-2023', 2023, 'Lombardia',        'IT', '{32TMR,32TNR}', 'GSAA 2023 final',        '2023-11-20 09:14:00+00'),
    ('LOM-2024', 2024, 'Lombardia',        'IT', '{32TMR,32TNR}', 'GSAA 2024 declarations', '2024-06-03 07:30:00+00'),
    ('CYL-2024', 2024, 'Castilla y León',  'ES', '{30TUM,30TVM}', 'SIGPAC 2024 export',     '2024-05-28 12:02:00+00'),
    ('GLD-2024', 2024, 'Gelderland',       'NL', '{31UFT}',       'BRP 2024 concept',       '2024-06-17 15:45:00+00');

CREATE TABLE agri.parcels (
    parcel_id     bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parcel_set_id smallint      NOT NULL,   -- foreign keys are added after the load
    parcel_code   text          NOT NULL,
    holding_id    text          NOT NULL,
    crop_code     varchar(8)    NOT NULL,
    area_ha       numeric(9,4)  NOT NULL CHECK (area_ha > 0),
    organic       boolean       NOT NULL DEFAULT false,
    tile          char(5)       NOT NULL,
    centroid_lat  double precision NOT NULL,
    centroid_lon  double precision NOT NULL,
    UNIQUE (parcel_set_id, parcel_code),
    UNIQUE (parcel_set_id, parcel_id)   -- target of the composite foreign key below
);
COMMENT ON TABLE  agri.parcels IS 'Declared agricultural parcels; centroids only (no PostGIS needed).';
COMMENT ON COLUMN agri.parcels.parcel_code IS 'Identifier of the parcel in the national system, unique within a parcel set.';
COMMENT ON COLUMN agri.parcels.area_ha IS 'Declared area in hectares.';

-- Region boxes, crop mixes (20 slots, repetition = weight) and greenness
-- timing shift (days) for each parcel set.
CREATE TEMP TABLE set_params AS
SELECT ps.parcel_set_id, p.*
FROM agri.parcel_set ps
JOIN (VALUES
    ('LOM-2023', 3000, 'LOM', 45.00, 45.60,  8.60, 10.20, 3.0,   0,
     ARRAY['MAIZ','MAIZ','MAIZ','MAIZ','MAIZ','MAIZ','MAIZ','RICE','RICE','RICE',
           'WWHT','WWHT','WWHT','SOYB','SOYB','GRAS','GRAS','ALFA','ALFA','BARL']),
    ('LOM-2024', 3200, 'LOM', 45.00, 45.60,  8.60, 10.20, 3.0,   0,
     ARRAY['MAIZ','MAIZ','MAIZ','MAIZ','MAIZ','MAIZ','RICE','RICE','RICE','WWHT',
           'WWHT','WWHT','SOYB','SOYB','SOYB','GRAS','GRAS','ALFA','ALFA','BARL']),
    ('CYL-2024', 2500, 'CYL', 41.30, 42.20, -5.50, -4.00, 6.0, -10,
     ARRAY['WWHT','WWHT','WWHT','WWHT','WWHT','WWHT','BARL','BARL','BARL','BARL',
           'BARL','BARL','SUNF','SUNF','RAPE','SBEE','ALFA','FALL','FALL','FALL']),
    ('GLD-2024', 1800, 'GLD', 51.90, 52.30,  5.60,  6.40, 2.5,  15,
     ARRAY['GRAS','GRAS','GRAS','GRAS','GRAS','GRAS','GRAS','GRAS','GRAS','MAIZ',
           'MAIZ','MAIZ','MAIZ','MAIZ','POTA','POTA','SBEE','SBEE','WWHT','WWHT'])
) AS p(set_name, n_parcels, prefix, lat0, lat1, lon0, lon1, median_ha, doy_shift, crop_mix)
  ON p.set_name = ps.name;

INSERT INTO agri.parcels (parcel_set_id, parcel_code, holding_id, crop_code, area_ha,
                          organic, tile, centroid_lat, centroid_lon)
SELECT sp.parcel_set_id,
       sp.prefix || '-' || right(sp.set_name, 4) || '-' || lpad(g::text, 6, '0'),
       -- holdings farm several parcels each
       sp.prefix || '-H' || lpad((1 + floor(pg_temp.rnd(sp.parcel_set_id * 100000 + g, 21) * sp.n_parcels / 6))::int::text, 5, '0'),
       sp.crop_mix[1 + floor(pg_temp.rnd(sp.parcel_set_id * 100000 + g, 22) * 20)::int],
       -- log-normal areas (Box-Muller), at least 0.05 ha
       greatest(0.05, round((sp.median_ha * exp(0.8 * sqrt(-2 * ln(1 - pg_temp.rnd(sp.parcel_set_id * 100000 + g, 23)))
                                               * cos(2 * pi() * pg_temp.rnd(sp.parcel_set_id * 100000 + g, 24))))::numeric, 4)),
       pg_temp.rnd(sp.parcel_set_id * 100000 + g, 25) < 0.08,
       -- the western half of a region lies in its first tile
       sp.tiles[CASE WHEN cardinality(sp.tiles) = 1 OR pos.lon < (sp.lon0 + sp.lon1) / 2 THEN 1 ELSE 2 END],
       round(pos.lat::numeric, 6)::float8,
       round(pos.lon::numeric, 6)::float8
FROM (SELECT s.*, ps.tiles FROM set_params s JOIN agri.parcel_set ps USING (parcel_set_id)) sp
CROSS JOIN LATERAL generate_series(1, sp.n_parcels) AS g
CROSS JOIN LATERAL (
    SELECT sp.lat0 + (sp.lat1 - sp.lat0) * pg_temp.rnd(sp.parcel_set_id * 100000 + g, 26) AS lat,
           sp.lon0 + (sp.lon1 - sp.lon0) * pg_temp.rnd(sp.parcel_set_id * 100000 + g, 27) AS lon
) pos
ORDER BY sp.parcel_set_id, g;

ALTER TABLE agri.parcels
    ADD CONSTRAINT parcels_parcel_set_id_fkey FOREIGN KEY (parcel_set_id) REFERENCES agri.parcel_set (parcel_set_id),
    ADD CONSTRAINT parcels_crop_code_fkey FOREIGN KEY (crop_code) REFERENCES agri.crops (crop_code);
CREATE INDEX parcels_crop_code_idx ON agri.parcels (crop_code);

------------------------------------------------------------------------------
-- Card signatures of the 2024 region of interest
------------------------------------------------------------------------------

CREATE TABLE agri.roi2024_card_signatures (
    signature_id  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parcel_set_id smallint    NOT NULL,
    parcel_id     bigint      NOT NULL,
    dias_id       integer     NOT NULL,
    band          varchar(3)  NOT NULL CHECK (band IN ('B02', 'B03', 'B04', 'B08', 'VV', 'VH')),
    pixel_count   integer     NOT NULL CHECK (pixel_count > 0),
    mean          real        NOT NULL,
    sd            real        NOT NULL CHECK (sd >= 0),
    min           real        NOT NULL,
    p25           real        NOT NULL,
    p50           real        NOT NULL,
    p75           real        NOT NULL,
    max           real        NOT NULL,
    CHECK (min <= p25 AND p25 <= p50 AND p50 <= p75 AND p75 <= max)
);
COMMENT ON TABLE  agri.roi2024_card_signatures IS 'Zonal statistics per parcel, image and band for the 2024 region of interest (every 40th parcel of the 2024 sets). Optical bands are L2A reflectance x 10000, radar bands are backscatter in dB.';
COMMENT ON COLUMN agri.roi2024_card_signatures.parcel_set_id IS 'Parcel set of the parcel; part of the composite key into agri.parcels.';
COMMENT ON COLUMN agri.roi2024_card_signatures.dias_id IS 'Image the statistics were extracted from (agri.dias_catalogue.id).';
COMMENT ON COLUMN agri.roi2024_card_signatures.pixel_count IS 'Pixels inside the parcel after a 10 m inward buffer.';

-- Greenness g(doy) = base + amp * exp(-((doy - peak) / width)^2) per crop.
CREATE TEMP TABLE crop_curves (crop_code varchar(8) PRIMARY KEY, peak int, width int, base float8, amp float8);
INSERT INTO crop_curves VALUES
    ('WWHT', 125, 40, 0.15, 0.75), ('BARL', 140, 32, 0.10, 0.70), ('MAIZ', 210, 35, 0.08, 0.80),
    ('RICE', 215, 38, 0.10, 0.75), ('SOYB', 220, 30, 0.08, 0.75), ('SUNF', 195, 30, 0.08, 0.70),
    ('RAPE', 100, 35, 0.20, 0.70), ('SBEE', 215, 45, 0.05, 0.80), ('POTA', 195, 30, 0.05, 0.75),
    ('GRAS', 170, 90, 0.45, 0.35), ('ALFA', 170, 80, 0.35, 0.45), ('FALL', 180, 120, 0.15, 0.10);

INSERT INTO agri.roi2024_card_signatures (parcel_set_id, parcel_id, dias_id, band, pixel_count,
                                          mean, sd, min, p25, p50, p75, max)
SELECT x.parcel_set_id, x.parcel_id, x.dias_id, x.band, x.pixel_count,
       round(x.mean * 10) / 10,
       round(x.sd * 10) / 10,
       round(CASE WHEN x.radar THEN x.mean - 2.5 * x.sd ELSE greatest(0, x.mean - 2.5 * x.sd) END * 10) / 10,
       round((x.mean - 0.674 * x.sd) * 10) / 10,
       round((x.mean + 0.05 * x.sd) * 10) / 10,
       round((x.mean + 0.674 * x.sd) * 10) / 10,
       round((x.mean + 2.5 * x.sd) * 10) / 10
FROM (
    SELECT y.*,
           CASE WHEN y.radar THEN 1.2 + 1.2 * y.n2
                ELSE y.mean * (0.04 + 0.08 * y.n2) + 20 END AS sd
    FROM (
        SELECT p.parcel_set_id, p.parcel_id, d.id AS dias_id, b.band, b.band IN ('VV', 'VH') AS radar,
               greatest(1, floor(p.area_ha * 100 * 0.8))::int AS pixel_count,
               pg_temp.rnd(p.parcel_id * 100000 + d.id * 10 + b.b, 32) AS n2,
               -- band value from greenness g, plus haze for partly cloudy images
               CASE b.band
                   WHEN 'B02' THEN 900  - 500  * gr.g
                   WHEN 'B03' THEN 1000 - 350  * gr.g
                   WHEN 'B04' THEN 1300 - 1050 * gr.g
                   WHEN 'B08' THEN 1700 + 3500 * gr.g
                   WHEN 'VV'  THEN -14 + 5 * gr.g
                   ELSE            -22 + 7 * gr.g
               END
               + CASE WHEN b.band IN ('VV', 'VH') THEN (pg_temp.rnd(p.parcel_id * 100000 + d.id * 10 + b.b, 31) - 0.5) * 2
                      ELSE coalesce(d.cloud_cover, 0) / 100 * 2500 * pg_temp.rnd(p.parcel_id * 100000 + d.id, 33)
                           + (pg_temp.rnd(p.parcel_id * 100000 + d.id * 10 + b.b, 31) - 0.5) * 120 END AS mean
        FROM agri.parcels p
        JOIN agri.parcel_set ps  ON ps.parcel_set_id = p.parcel_set_id AND ps.year = 2024
        JOIN set_params sp       ON sp.parcel_set_id = p.parcel_set_id
        JOIN crop_curves cc      ON cc.crop_code = p.crop_code
        JOIN agri.dias_catalogue d
             ON d.tile = p.tile AND d.status = 'processed'
            -- optical images only when mostly clear
            AND (d.mission = 'Sentinel-1A' OR d.cloud_cover < 40)
        JOIN (VALUES (1, 'B02', false), (2, 'B03', false), (3, 'B04', false), (4, 'B08', false),
                     (5, 'VV', true), (6, 'VH', true)) AS b(b, band, is_radar)
             ON b.is_radar = (d.mission = 'Sentinel-1A')
        CROSS JOIN LATERAL (
            -- date_part (double precision), not extract (numeric): numeric exp() is slow
            SELECT least(1, cc.base * (0.9 + 0.2 * pg_temp.rnd(p.parcel_id, 34))
                           + cc.amp * exp(-(((date_part('doy', d.acquired_at AT TIME ZONE 'UTC') - cc.peak - sp.doy_shift)
                                             / cc.width) ^ 2))) AS g
        ) gr
        WHERE p.parcel_id % 40 = 0
        OFFSET 0   -- keep mean/sd computed once, not re-expanded in every reference
    ) y
    OFFSET 0
) x
ORDER BY x.parcel_id, x.dias_id, x.band;

-- Keys and foreign keys after the load. The signature table references the
-- catalogue, the parcel set, and the parcel through the composite
-- (parcel_set_id, parcel_id) so a parcel cannot be filed under another set.
ALTER TABLE agri.roi2024_card_signatures
    ADD CONSTRAINT roi2024_card_signatures_uq UNIQUE (parcel_id, dias_id, band),
    ADD CONSTRAINT roi2024_card_signatures_dias_id_fkey
        FOREIGN KEY (dias_id) REFERENCES agri.dias_catalogue (id),
    ADD CONSTRAINT roi2024_card_signatures_parcel_set_id_fkey
        FOREIGN KEY (parcel_set_id) REFERENCES agri.parcel_set (parcel_set_id),
    ADD CONSTRAINT roi2024_card_signatures_parcel_fkey
        FOREIGN KEY (parcel_set_id, parcel_id) REFERENCES agri.parcels (parcel_set_id, parcel_id);
CREATE INDEX roi2024_card_signatures_dias_id_idx ON agri.roi2024_card_signatures (dias_id);
CREATE INDEX dias_catalogue_tile_acquired_idx ON agri.dias_catalogue (tile, acquired_at);

------------------------------------------------------------------------------
-- Views
------------------------------------------------------------------------------

CREATE VIEW agri.parcel_ndvi AS
SELECT s.parcel_id, p.parcel_code, p.crop_code, (d.acquired_at AT TIME ZONE 'UTC')::date AS obs_date, d.cloud_cover,
       round(((max(s.mean) FILTER (WHERE s.band = 'B08') - max(s.mean) FILTER (WHERE s.band = 'B04'))
            / nullif(max(s.mean) FILTER (WHERE s.band = 'B08') + max(s.mean) FILTER (WHERE s.band = 'B04'), 0))::numeric, 3) AS ndvi
FROM agri.roi2024_card_signatures s
JOIN agri.parcels p        ON p.parcel_id = s.parcel_id
JOIN agri.dias_catalogue d ON d.id = s.dias_id
WHERE s.band IN ('B04', 'B08')
GROUP BY s.parcel_id, p.parcel_code, p.crop_code, d.acquired_at, d.cloud_cover;
COMMENT ON VIEW agri.parcel_ndvi IS 'NDVI time series per parcel, (B08 - B04) / (B08 + B04) of the parcel means.';

CREATE VIEW agri.parcel_set_summary AS
SELECT ps.name, ps.year, ps.region, p.crop_code, c.name AS crop_name,
       count(*) AS parcels, sum(p.area_ha) AS area_ha
FROM agri.parcel_set ps
JOIN agri.parcels p USING (parcel_set_id)
JOIN agri.crops c   USING (crop_code)
GROUP BY ps.name, ps.year, ps.region, p.crop_code, c.name;
COMMENT ON VIEW agri.parcel_set_summary IS 'Declared parcels and area per parcel set and crop.';

DROP TABLE tiles, set_params, crop_curves;

ANALYZE agri.crops, agri.dias_catalogue, agri.parcel_set, agri.parcels, agri.roi2024_card_signatures;
