package dev.retort.test;

/**
 * A data check (pytest-alembic's {@code at_revision_data}): rows seeded on the database just before a
 * revision's upgrade, and asserted just after it. For data migrations such as a backfill: seed rows
 * the way the previous schema allowed, then assert what the revision made of them.
 *
 * @param revision the revision checked (a full id, or any identifier naming one revision)
 * @param seed runs with the database at the revision's parents
 * @param verify runs once the revision is applied
 */
public record DataCheck(String revision, ConnectionWork seed, ConnectionWork verify) {
}
