package dev.retort;

/** Something that goes inside {@code CREATE TABLE (...)}: a column or a table constraint. */
public sealed interface TableElement permits Column, PrimaryKey, UniqueConstraint, CheckConstraint, ForeignKey {
}
