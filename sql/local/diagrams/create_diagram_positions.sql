-- Where a person moved tables of a diagram (the top left of each, in the diagram's points).
CREATE TABLE IF NOT EXISTS diagram_positions (
    diagram_id INTEGER NOT NULL,
    schema_name TEXT NOT NULL,
    table_name TEXT NOT NULL,
    x REAL NOT NULL,
    y REAL NOT NULL,
    PRIMARY KEY (diagram_id, schema_name, table_name)
)
