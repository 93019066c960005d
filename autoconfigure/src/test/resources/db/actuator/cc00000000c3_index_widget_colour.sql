-- index widgets.colour
--
-- Revision ID: cc00000000c3
-- Revises: bb00000000b2
-- Create Date: 2026-01-02 10:10:00
-- Branch Labels: widgets

-- +upgrade
CREATE INDEX ix_widgets_colour ON widgets (colour);

-- +downgrade
DROP INDEX ix_widgets_colour;
