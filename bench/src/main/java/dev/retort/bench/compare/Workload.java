package dev.retort.bench.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The generated work every contender runs: {@code count} migrations, migration {@code i} creating
 * table {@code bench_i} with the same statement for all. Written once per size under {@code root}:
 * {@code retort/} (Retort SQL revisions, a linear chain), {@code flyway/} ({@code V<i>__...sql},
 * also read by the plain-JDBC floor) and {@code liquibase/} (a master changelog with
 * {@code includeAll} of one formatted-SQL file per change set).
 *
 * @param root the folder holding the three layouts
 * @param count the number of migrations
 */
public record Workload(Path root, int count) {

	/** The folder of Retort revisions. */
	public Path retort() {
		return this.root.resolve("retort");
	}

	/** The folder of Flyway migrations (also the plain-JDBC floor's input). */
	public Path flyway() {
		return this.root.resolve("flyway");
	}

	/** The folder of the Liquibase changelog. */
	public Path liquibase() {
		return this.root.resolve("liquibase");
	}

	/** Generates (or reuses, when complete) the work for {@code count} migrations under {@code base}. */
	public static Workload generate(Path base, int count) {
		Path root = base.resolve("n" + count);
		Workload work = new Workload(root, count);
		Path done = root.resolve(".complete");
		if (Files.exists(done)) {
			return work;
		}
		try {
			Files.createDirectories(work.retort());
			Files.createDirectories(work.flyway());
			Files.createDirectories(work.liquibase().resolve("changes"));
			String previous = "";
			for (int i = 1; i <= count; i++) {
				String number = String.format("%05d", i);
				String id = revisionId(i);
				String create = statement(i);
				String drop = "DROP TABLE bench_" + number + ";";
				Files.writeString(work.retort().resolve(number + "_" + id + "_create_bench_" + number + ".sql"),
						"-- create bench_" + number + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + previous
								+ "\n-- Create Date: 2026-11-22 00:00:00\n\n-- +upgrade\n" + create
								+ "\n\n-- +downgrade\n" + drop + "\n");
				Files.writeString(work.flyway().resolve("V" + i + "__create_bench_" + number + ".sql"), create + "\n");
				Files.writeString(work.liquibase().resolve("changes/" + number + "_create_bench.sql"),
						"--liquibase formatted sql\n\n--changeset bench:" + number + "\n" + create + "\n--rollback "
								+ drop + "\n");
				previous = id;
			}
			Files.writeString(work.liquibase().resolve("changelog.xml"), """
					<?xml version="1.0" encoding="UTF-8"?>
					<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
					    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
					    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog
					        http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
					  <includeAll path="changes/" relativeToChangelogFile="true"/>
					</databaseChangeLog>
					""");
			Files.writeString(done, "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return work;
	}

	/** The one statement of migration {@code i}. */
	public static String statement(int i) {
		return String.format("CREATE TABLE bench_%05d (id INTEGER PRIMARY KEY, name VARCHAR(64));", i);
	}

	/** A 12-hex-digit id, as Alembic generates them (a bijection of i, so unique). */
	static String revisionId(int i) {
		return String.format("%012x", (i * 0x9E3779B97F4BL + 0x5DEECE66DL) & 0xFFFF_FFFF_FFFFL);
	}
}
