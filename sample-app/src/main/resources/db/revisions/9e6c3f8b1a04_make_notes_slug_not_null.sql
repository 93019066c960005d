-- make notes.slug NOT NULL (contract)
--
-- Revision ID: 9e6c3f8b1a04
-- Revises: 7a4b1d6e3c03
-- Create Date: 2026-03-16 09:00:00

-- +upgrade
-- 7a4b1d6e3c03 (BackfillNoteSlugs, a Java revision) filled every existing row.
ALTER TABLE notes ALTER COLUMN slug SET NOT NULL;

-- +downgrade
ALTER TABLE notes ALTER COLUMN slug DROP NOT NULL;
