-- create widgets
--
-- Revision ID: aa00000000a1
-- Revises:
-- Create Date: 2026-01-02 10:00:00

-- +upgrade
CREATE TABLE widgets (id INT PRIMARY KEY, name VARCHAR(50) NOT NULL);
