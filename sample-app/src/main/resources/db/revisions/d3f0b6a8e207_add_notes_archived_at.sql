-- add notes.archived_at (branch 'archive')
--
-- Revision ID: d3f0b6a8e207
-- Revises: b18d5e2c7f05
-- Create Date: 2026-04-02 09:00:00
-- Branch Labels: archive

-- +upgrade
ALTER TABLE notes ADD COLUMN archived_at TIMESTAMP;

-- +downgrade
ALTER TABLE notes DROP COLUMN archived_at;
