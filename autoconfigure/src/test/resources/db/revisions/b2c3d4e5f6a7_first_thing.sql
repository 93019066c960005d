-- first thing
--
-- Revision ID: b2c3d4e5f6a7
-- Revises: a1b2c3d4e5f6
-- Create Date: 2026-01-01 10:05:00

-- +upgrade
INSERT INTO things (id, name) VALUES (1, 'first thing');

-- +downgrade
DELETE FROM things WHERE id = 1;
