-- merge branches 'tags' and 'archive'
--
-- Revision ID: e4a1c7b9d308
-- Revises: c27a9f4d1b06, d3f0b6a8e207
-- Create Date: 2026-04-10 09:00:00

-- +upgrade
-- The view needs both branches: note_tags from 'tags', archived_at from 'archive'.
CREATE VIEW active_note_tags AS
SELECT n.id AS note_id, n.slug, t.name AS tag
FROM notes n
JOIN note_tags nt ON nt.note_id = n.id
JOIN tags t ON t.id = nt.tag_id
WHERE n.archived_at IS NULL;

-- +downgrade
DROP VIEW active_note_tags;
