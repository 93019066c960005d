-- add a column with a typo
--
-- Revision ID: 0f0f0f0f0f02
-- Revises: 0f0f0f0f0f01
-- Create Date: 2026-01-01 10:05:00

-- +upgrade
ALTER TABLE gadgets ADD COLUMN label VARCHAR(20);
ALTER TABLE gadgetz ADD COLUMN colour VARCHAR(20);

-- +downgrade
ALTER TABLE gadgets DROP COLUMN label;
