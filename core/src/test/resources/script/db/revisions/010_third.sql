-- third
-- Revision ID: third
-- Revises: second

-- +upgrade
SELECT 3;
