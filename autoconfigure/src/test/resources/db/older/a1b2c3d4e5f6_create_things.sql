-- create things
--
-- Revision ID: a1b2c3d4e5f6
-- Revises:
-- Create Date: 2026-01-01 10:00:00

-- +upgrade
CREATE TABLE things (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);

-- +downgrade
DROP TABLE things;
