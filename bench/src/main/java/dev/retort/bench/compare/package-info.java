/**
 * Side-by-side comparison of Retort, Flyway, Liquibase and a plain-JDBC floor on identical
 * generated work (docs/performance.md). Entry point: {@link dev.retort.bench.compare.Compare}.
 */
package dev.retort.bench.compare;
