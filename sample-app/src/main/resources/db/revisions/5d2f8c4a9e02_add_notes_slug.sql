-- add notes.slug, nullable (expand)
--
-- Revision ID: 5d2f8c4a9e02
-- Revises: 3c1e9a2b7f01
-- Create Date: 2026-03-09 09:00:00

-- +upgrade
-- Nullable first: existing rows have no slug yet, and an older release of the application that
-- does not know the column can keep inserting notes while this release rolls out.
ALTER TABLE notes ADD COLUMN slug VARCHAR(220);

-- +downgrade
ALTER TABLE notes DROP COLUMN slug;
