-- base
--
-- Revision ID: 1111aaaa0001
-- Revises:

-- +upgrade
CREATE TABLE base_table (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE base_table;
