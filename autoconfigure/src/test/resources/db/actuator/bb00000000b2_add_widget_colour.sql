-- add widgets.colour
--
-- Revision ID: bb00000000b2
-- Revises: aa00000000a1
-- Create Date: 2026-01-02 10:05:00

-- +upgrade
ALTER TABLE widgets ADD COLUMN colour VARCHAR(20);
INSERT INTO widgets (id, name, colour) VALUES (1, 'sprocket', 'red');

-- +downgrade
DELETE FROM widgets WHERE id = 1;
ALTER TABLE widgets DROP COLUMN colour;
