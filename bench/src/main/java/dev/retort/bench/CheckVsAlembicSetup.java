package dev.retort.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the two projects of {@code bench/check-vs-alembic.sh}: the same schema of N tables (5 columns,
 * 2 indexes, 1 foreign key each but the first,
 * forming a tree) reached by the same R revisions, (a) as Retort SQL
 * revisions plus a desired-state DDL model for {@code retort check --model}, (b) as Alembic revisions plus
 * SQLAlchemy models for {@code alembic check}. The first N revisions create one table each with its
 * indexes; the rest add the foreign keys, spread evenly. Run:
 * {@code java -cp bench/target-bench/benchmarks.jar dev.retort.bench.CheckVsAlembicSetup DIR [tables] [revisions]}.
 */
public final class CheckVsAlembicSetup {

	private CheckVsAlembicSetup() {
	}

	public static void main(String[] args) throws IOException {
		Path dir = Path.of(args[0]);
		int tables = (args.length > 1) ? Integer.parseInt(args[1]) : 200;
		int revisions = (args.length > 2) ? Integer.parseInt(args[2]) : 300;
		if (revisions <= tables) {
			throw new IllegalArgumentException("revisions must exceed tables (the rest add the foreign keys)");
		}
		List<List<Integer>> fkBatches = new ArrayList<>();
		for (int r = tables; r < revisions; r++) {
			fkBatches.add(new ArrayList<>());
		}
		for (int t = 1; t < tables; t++) {
			fkBatches.get(t % fkBatches.size()).add(t);
		}
		writeRetort(dir.resolve("retort"), tables, revisions, fkBatches);
		writeAlembic(dir.resolve("alembic"), tables, revisions, fkBatches);
	}

	private static String id(int revision) {
		return String.format(Locale.ROOT, "%012x", 0xbe0000000000L + revision);
	}

	private static String createTable(int t) {
		return "CREATE TABLE t" + t + " (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, code VARCHAR(20),"
				+ " amount NUMERIC(10, 2), parent_id BIGINT);\n" + "CREATE INDEX ix_t" + t + "_name ON t" + t
				+ " (name);\n" + "CREATE UNIQUE INDEX ux_t" + t + "_code ON t" + t + " (code);\n";
	}

	private static String addForeignKey(int t) {
		return "ALTER TABLE t" + t + " ADD CONSTRAINT fk_t" + t + " FOREIGN KEY (parent_id) REFERENCES t" + parent(t)
				+ " (id);\n";
	}

	/**
	 * The table a table's foreign key references: a tree (t1 and t2 reference t0, ...), not a chain, since
	 * SQLAlchemy's reflection follows foreign keys recursively and a 200-deep chain exceeds Python's stack.
	 */
	private static int parent(int t) {
		return (t - 1) / 2;
	}

	private static void writeRetort(Path dir, int tables, int revisions, List<List<Integer>> fkBatches)
			throws IOException {
		Path versions = Files.createDirectories(dir.resolve("revisions"));
		StringBuilder model = new StringBuilder();
		for (int t = 0; t < tables; t++) {
			model.append(createTable(t));
		}
		for (int t = 1; t < tables; t++) {
			model.append(addForeignKey(t));
		}
		Files.writeString(dir.resolve("model.sql"), model);
		for (int r = 0; r < revisions; r++) {
			StringBuilder up = new StringBuilder();
			StringBuilder down = new StringBuilder();
			if (r < tables) {
				up.append(createTable(r));
				down.append("DROP TABLE t").append(r).append(";\n");
			}
			else {
				for (int t : fkBatches.get(r - tables)) {
					up.append(addForeignKey(t));
					down.append("ALTER TABLE t").append(t).append(" DROP CONSTRAINT fk_t").append(t).append(";\n");
				}
			}
			String text = "-- revision " + r + "\n--\n-- Revision ID: " + id(r) + "\n-- Revises: "
					+ ((r == 0) ? "" : id(r - 1)) + "\n-- Create Date: 2026-01-01 00:00:00\n\n-- +upgrade\n" + up
					+ "\n-- +downgrade\n" + down;
			Files.writeString(versions.resolve(id(r) + "_revision_" + r + ".sql"), text);
		}
	}

	private static void writeAlembic(Path dir, int tables, int revisions, List<List<Integer>> fkBatches)
			throws IOException {
		Path versions = Files.createDirectories(dir.resolve("versions"));
		Files.writeString(dir.resolve("alembic.ini"), """
				[alembic]
				script_location = %(here)s
				sqlalchemy.url = postgresql+psycopg2://postgres@127.0.0.1:5432/retort_bench_alembic

				[loggers]
				keys = root

				[handlers]
				keys = console

				[formatters]
				keys = generic

				[logger_root]
				level = WARN
				handlers = console

				[handler_console]
				class = StreamHandler
				args = (sys.stderr,)
				formatter = generic

				[formatter_generic]
				format = %(levelname)s %(message)s
				""");
		Files.writeString(dir.resolve("env.py"), """
				import os
				import sys

				from alembic import context
				from sqlalchemy import engine_from_config, pool

				sys.path.insert(0, os.path.dirname(__file__))
				from models import metadata  # noqa: E402

				config = context.config
				url = os.environ.get("ALEMBIC_URL")
				if url:
				    config.set_main_option("sqlalchemy.url", url)

				engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
				                            poolclass=pool.NullPool)
				with engine.connect() as connection:
				    context.configure(connection=connection, target_metadata=metadata)
				    with context.begin_transaction():
				        context.run_migrations()
				""");
		Files.writeString(dir.resolve("script.py.mako"), """
				revision = ${repr(up_revision)}
				down_revision = ${repr(down_revision)}
				from alembic import op
				import sqlalchemy as sa


				def upgrade():
				    ${upgrades if upgrades else "pass"}


				def downgrade():
				    ${downgrades if downgrades else "pass"}
				""");
		StringBuilder models = new StringBuilder("""
				from sqlalchemy import BigInteger, Column, ForeignKey, Index, MetaData, Numeric, String, Table

				metadata = MetaData()
				""");
		for (int t = 0; t < tables; t++) {
			models.append("\nTable(\"t").append(t).append("\", metadata,\n")
				.append("      Column(\"id\", BigInteger, primary_key=True, autoincrement=False),\n")
				.append("      Column(\"name\", String(100), nullable=False),\n")
				.append("      Column(\"code\", String(20)),\n")
				.append("      Column(\"amount\", Numeric(10, 2)),\n")
				.append("      Column(\"parent_id\", BigInteger")
				.append((t > 0) ? ", ForeignKey(\"t" + parent(t) + ".id\", name=\"fk_t" + t + "\")" : "")
				.append("),\n")
				.append("      Index(\"ix_t").append(t).append("_name\", \"name\"),\n")
				.append("      Index(\"ux_t").append(t).append("_code\", \"code\", unique=True))\n");
		}
		Files.writeString(dir.resolve("models.py"), models);
		for (int r = 0; r < revisions; r++) {
			StringBuilder up = new StringBuilder();
			StringBuilder down = new StringBuilder();
			if (r < tables) {
				up.append("    op.create_table(\"t").append(r).append("\",\n")
					.append("        sa.Column(\"id\", sa.BigInteger(), nullable=False, autoincrement=False),\n")
					.append("        sa.Column(\"name\", sa.String(100), nullable=False),\n")
					.append("        sa.Column(\"code\", sa.String(20)),\n")
					.append("        sa.Column(\"amount\", sa.Numeric(10, 2)),\n")
					.append("        sa.Column(\"parent_id\", sa.BigInteger()),\n")
					.append("        sa.PrimaryKeyConstraint(\"id\"))\n")
					.append("    op.create_index(\"ix_t").append(r).append("_name\", \"t").append(r).append("\", [\"name\"])\n")
					.append("    op.create_index(\"ux_t").append(r).append("_code\", \"t").append(r)
					.append("\", [\"code\"], unique=True)\n");
				down.append("    op.drop_table(\"t").append(r).append("\")\n");
			}
			else {
				for (int t : fkBatches.get(r - tables)) {
					up.append("    op.create_foreign_key(\"fk_t").append(t).append("\", \"t").append(t).append("\", \"t")
						.append(parent(t)).append("\", [\"parent_id\"], [\"id\"])\n");
					down.append("    op.drop_constraint(\"fk_t").append(t).append("\", \"t").append(t)
						.append("\", type_=\"foreignkey\")\n");
				}
				if (up.isEmpty()) {
					up.append("    pass\n");
					down.append("    pass\n");
				}
			}
			String text = "\"\"\"revision " + r + "\"\"\"\nfrom alembic import op\nimport sqlalchemy as sa\n\n"
					+ "revision = \"" + id(r) + "\"\ndown_revision = " + ((r == 0) ? "None" : "\"" + id(r - 1) + "\"")
					+ "\nbranch_labels = None\ndepends_on = None\n\n\ndef upgrade():\n" + up + "\n\ndef downgrade():\n"
					+ down;
			Files.writeString(versions.resolve(id(r) + "_revision_" + r + ".py"), text);
		}
	}
}
