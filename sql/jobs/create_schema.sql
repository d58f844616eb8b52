-- A schema the archive's entries live in but does not create itself. {{new_schema}}: its name.
-- strata:utility
CREATE SCHEMA {{new_schema}}
