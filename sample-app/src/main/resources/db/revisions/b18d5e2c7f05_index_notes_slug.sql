-- unique index on notes.slug, built concurrently on PostgreSQL
--
-- Revision ID: b18d5e2c7f05
-- Revises: 9e6c3f8b1a04
-- Create Date: 2026-03-23 09:00:00
-- Transactional: false

-- CREATE INDEX CONCURRENTLY does not lock writes on a busy table, but PostgreSQL refuses to run it
-- inside a transaction: hence "Transactional: false" above. H2 has no CONCURRENTLY and gets a plain
-- CREATE INDEX from its own section. (The sample runs on H2 and PostgreSQL only.)

-- +upgrade dialect=postgresql
CREATE UNIQUE INDEX CONCURRENTLY ux_notes_slug ON notes (slug);

-- +upgrade dialect=h2
CREATE UNIQUE INDEX ux_notes_slug ON notes (slug);

-- +downgrade dialect=postgresql
DROP INDEX CONCURRENTLY ux_notes_slug;

-- +downgrade dialect=h2
DROP INDEX ux_notes_slug;
