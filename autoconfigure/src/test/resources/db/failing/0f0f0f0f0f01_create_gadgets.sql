-- create gadgets
--
-- Revision ID: 0f0f0f0f0f01
-- Revises:
-- Create Date: 2026-01-01 10:00:00

-- +upgrade
CREATE TABLE gadgets (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE gadgets;
