-- more
-- Revision ID: more1
-- Revises: third

-- +upgrade
SELECT 4;
