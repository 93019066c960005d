-- the base
--
-- Revision ID: base1
-- Revises:
-- Create Date: 2026-01-01 00:00:00

-- +upgrade
CREATE TABLE base1 (id INT);

-- +downgrade
DROP TABLE base1;
