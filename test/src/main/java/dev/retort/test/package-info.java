/**
 * The migration test kit: pytest-alembic's checks for JUnit 5. {@link dev.retort.test.RetortChecks}
 * turns a {@link dev.retort.Retort} into dynamic tests (single head, every downgrade present, upgrade
 * base to heads, the stairway of up/down/up per revision, data checks, model check), each usable alone.
 * Uses only Retort's public API.
 */
@NullMarked
package dev.retort.test;

import org.jspecify.annotations.NullMarked;
