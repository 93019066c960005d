-- left branch
--
-- Revision ID: 2222bbbb0002
-- Revises: 1111aaaa0001
-- Branch Labels: left

-- +upgrade
CREATE TABLE left_table (id INT PRIMARY KEY);

-- +downgrade
DROP TABLE left_table;
