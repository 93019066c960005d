/**
 * One class per command behind the {@link dev.retort.Retort} façade: upgrade, downgrade and stamp
 * (sharing one locked run), validate, repair, status and current, history, and offline SQL. They
 * use the connection, lock and bookkeeping helpers of {@code internal.execution}.
 */
@NullMarked
package dev.retort.internal.command;

import org.jspecify.annotations.NullMarked;
