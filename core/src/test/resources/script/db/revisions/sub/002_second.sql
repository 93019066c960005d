-- second, in a subfolder
-- Revision ID: second
-- Revises: base1

-- +upgrade
SELECT 2;
