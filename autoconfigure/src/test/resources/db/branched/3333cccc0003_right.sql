-- right branch
--
-- Revision ID: 3333cccc0003
-- Revises: 1111aaaa0001
-- Branch Labels: right

-- +upgrade
CREATE TABLE right_table (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE right_table;
