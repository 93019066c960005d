/**
 * What the commands share to run against a database: the {@link dev.retort.internal.execution.EngineContext}
 * (settings, revisions, graph, the database found once, connections and the migration lock), the
 * {@link dev.retort.internal.execution.PlanExecutor} that runs a plan step by step with its
 * transactions, failures and listeners, Retort's version and history tables, offline SQL scripts,
 * and the data sources Retort makes itself.
 */
@NullMarked
package dev.retort.internal.execution;

import org.jspecify.annotations.NullMarked;
