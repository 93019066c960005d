package dev.retort.bench.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;

import dev.retort.QualifiedName;
import dev.retort.Retort;
import dev.retort.internal.database.SqlDialect;
import dev.retort.internal.execution.DriverManagerDataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * One migration tool driven through its Java API, as an application would at startup. Each call
 * is the whole tool call: configure, load and run, so per-call setup is part of the cost.
 * {@link #migrate} is both {@code apply} (pending work) and {@code noop} (nothing pending);
 * checksum validation is on for the three tools (their defaults).
 */
public enum Contender {

	/** Retort: {@code upgrade("heads")}; status is {@code current()} and {@code pending()}. */
	RETORT {
		@Override
		public Object migrate(String url, Workload work) {
			return retort(url, work).upgrade("heads");
		}

		@Override
		public Object status(String url, Workload work) {
			Retort retort = retort(url, work);
			return List.of(retort.current(), retort.pending());
		}

		private Retort retort(String url, Workload work) {
			return Retort.configure()
				.dataSource(new DriverManagerDataSource(url, null, null))
				.locations("filesystem:" + work.retort())
				.load();
		}
	},

	/** Flyway: {@code migrate()}; status is {@code info()}. */
	FLYWAY {
		@Override
		public Object migrate(String url, Workload work) {
			return flyway(url, work).migrate();
		}

		@Override
		public Object status(String url, Workload work) {
			return flyway(url, work).info().pending();
		}

		private Flyway flyway(String url, Workload work) {
			return Flyway.configure().dataSource(new DriverManagerDataSource(url, null, null))
				.locations("filesystem:" + work.flyway())
				.load();
		}
	},

	/** Liquibase: {@code update}; status is the list of unrun change sets (what {@code status} prints). */
	LIQUIBASE {
		@Override
		public Object migrate(String url, Workload work) {
			return liquibase(url, work, (liquibase) -> {
				liquibase.update(new Contexts(), new LabelExpression());
				return Boolean.TRUE;
			});
		}

		@Override
		public Object status(String url, Workload work) {
			return liquibase(url, work,
					(liquibase) -> liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()));
		}

		private Object liquibase(String url, Workload work, LiquibaseCall call) {
			try (Connection connection = new DriverManagerDataSource(url, null, null).getConnection()) {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				try (DirectoryResourceAccessor resources = new DirectoryResourceAccessor(work.liquibase())) {
					Liquibase liquibase = new Liquibase("changelog.xml", resources, database);
					return call.run(liquibase);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
	},

	/**
	 * The floor: plain JDBC, the same statements, one version-row insert and one commit per
	 * migration; no checksums, no lock, no history. Status and noop list the folder and read the
	 * version rows.
	 */
	JDBC {
		@Override
		public Object migrate(String url, Workload work) {
			try (Connection connection = new DriverManagerDataSource(url, null, null).getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE TABLE IF NOT EXISTS jdbc_version (version INTEGER PRIMARY KEY)");
				}
				Set<Integer> applied = appliedVersions(connection);
				TreeMap<Integer, Path> files = files(work);
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement();
						PreparedStatement insert = connection
							.prepareStatement("INSERT INTO jdbc_version (version) VALUES (?)")) {
					for (var file : files.entrySet()) {
						if (applied.contains(file.getKey())) {
							continue;
						}
						statement.execute(Files.readString(file.getValue()));
						insert.setInt(1, file.getKey());
						insert.executeUpdate();
						connection.commit();
					}
				}
				return files.size();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public Object status(String url, Workload work) {
			try (Connection connection = new DriverManagerDataSource(url, null, null).getConnection()) {
				Set<Integer> applied = appliedVersions(connection);
				return files(work).keySet().stream().filter((v) -> !applied.contains(v)).toList();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private Set<Integer> appliedVersions(Connection connection) throws SQLException {
			Set<Integer> applied = new HashSet<>();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT version FROM jdbc_version")) {
				while (rs.next()) {
					applied.add(rs.getInt(1));
				}
			}
			return applied;
		}
	},

	/**
	 * The floor with Retort's bookkeeping: plain JDBC, the same statements, and per migration what
	 * the design asks of every step: the version row changed and checked (Alembic's one row per
	 * head: inserted for the first migration, updated after), one history row written, both
	 * committed with the migration. Retort's own version and history tables, created with Retort's
	 * dialect SQL. No lock, no checksums computed, no revision parsing, no graph. Every call also
	 * lists the folder and reads the version row and the recorded checksums (what a
	 * checksum-validating check reads from the database).
	 */
	JDBC_HISTORY {
		@Override
		public Object migrate(String url, Workload work) {
			SqlDialect dialect = SqlDialect.fromUrl(url);
			try (Connection connection = new DriverManagerDataSource(url, null, null).getConnection()) {
				createBookkeepingTables(connection, dialect);
				String head = versionRow(connection, dialect);
				recordedChecksums(connection, dialect);
				TreeMap<Integer, Path> files = files(work);
				connection.setAutoCommit(false);
				try (Statement statement = connection.createStatement();
						PreparedStatement insertVersion = connection.prepareStatement(dialect.insertVersionSql(VERSIONS));
						PreparedStatement updateVersion = connection.prepareStatement(dialect.updateVersionSql(VERSIONS));
						PreparedStatement insertHistory = connection.prepareStatement(dialect.insertHistorySql(HISTORY))) {
					int previous = (head != null) ? Integer.parseInt(head) : 0;
					for (var file : files.tailMap(previous, false).entrySet()) {
						Instant started = Instant.now();
						long startNanos = System.nanoTime();
						statement.execute(Files.readString(file.getValue()));
						String id = String.valueOf(file.getKey());
						PreparedStatement change = (head == null) ? insertVersion : updateVersion;
						change.setString(1, id);
						if (head != null) {
							change.setString(2, head);
						}
						if (change.executeUpdate() != 1) {
							throw new IllegalStateException("version row " + head + " not found");
						}
						insertHistory.setString(1, id);
						insertHistory.setString(2, "upgrade");
						insertHistory.setString(3, BENCH_CHECKSUM);
						insertHistory.setObject(4, LocalDateTime.ofInstant(started, ZoneOffset.UTC));
						insertHistory.setLong(5, (System.nanoTime() - startNanos) / 1_000_000);
						insertHistory.setString(6, "success");
						insertHistory.setString(7, "bench");
						insertHistory.setString(8, (head != null) ? head : "");
						insertHistory.setString(9, id);
						insertHistory.setNull(10, Types.VARCHAR);
						insertHistory.executeUpdate();
						connection.commit();
						head = id;
					}
				}
				return files.size();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public Object status(String url, Workload work) {
			SqlDialect dialect = SqlDialect.fromUrl(url);
			try (Connection connection = new DriverManagerDataSource(url, null, null).getConnection()) {
				String head = versionRow(connection, dialect);
				Map<String, String> checksums = recordedChecksums(connection, dialect);
				int current = (head != null) ? Integer.parseInt(head) : 0;
				return List.of(checksums.size(), files(work).tailMap(current, false).keySet());
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private void createBookkeepingTables(Connection connection, SqlDialect dialect) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				if (!tableExists(connection, dialect, VERSIONS)) {
					statement.execute(dialect.createVersionTableSql(VERSIONS));
				}
				if (!tableExists(connection, dialect, HISTORY)) {
					statement.execute(dialect.createHistoryTableSql(HISTORY));
				}
			}
		}

		private boolean tableExists(Connection connection, SqlDialect dialect, QualifiedName table) {
			try (Statement statement = connection.createStatement()) {
				statement.executeQuery("SELECT 1 FROM " + dialect.quote(table, "table") + " WHERE 1 = 0").close();
				return true;
			}
			catch (SQLException ex) {
				return false;
			}
		}

		private Map<String, String> recordedChecksums(Connection connection, SqlDialect dialect) throws SQLException {
			Map<String, String> checksums = new HashMap<>();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT revision, checksum FROM "
							+ dialect.quote(HISTORY, "history table")
							+ " WHERE outcome = 'success' AND direction = 'upgrade' ORDER BY id")) {
				while (rs.next()) {
					checksums.put(rs.getString(1), rs.getString(2));
				}
			}
			return checksums;
		}

		private String versionRow(Connection connection, SqlDialect dialect) throws SQLException {
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery(dialect.selectVersionsSql(VERSIONS))) {
				return rs.next() ? rs.getString(1) : null;
			}
		}
	};

	/** The bookkeeping floor's tables: Retort's, under other names. */
	private static final QualifiedName VERSIONS = QualifiedName.of("floor_version");

	private static final QualifiedName HISTORY = QualifiedName.of("floor_history");

	/** A SHA-256 hex digest's length, as Retort records. */
	private static final String BENCH_CHECKSUM = "0".repeat(64);

	/** The plain migrations, by version number. */
	private static TreeMap<Integer, Path> files(Workload work) {
		TreeMap<Integer, Path> files = new TreeMap<>();
		try (Stream<Path> list = Files.list(work.flyway())) {
			list.forEach((path) -> {
				String name = path.getFileName().toString();
				files.put(Integer.parseInt(name.substring(1, name.indexOf("__"))), path);
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/** Held so the level set on it is not lost with a collected logger. */
	private static final java.util.logging.Logger LIQUIBASE_LOG = java.util.logging.Logger.getLogger("liquibase");

	static {
		// As a user would: no usage reporting, no log chatter on the measured path.
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		LIQUIBASE_LOG.setLevel(java.util.logging.Level.WARNING);
	}

	/** Brings the database to the latest migration (apply, or noop when nothing is pending). */
	public abstract Object migrate(String url, Workload work);

	/** Reads where the database stands and what is pending, without changing it. */
	public abstract Object status(String url, Workload work);

	/** The label used in tables. */
	public String label() {
		return switch (this) {
			case RETORT -> "Retort";
			case FLYWAY -> "Flyway";
			case LIQUIBASE -> "Liquibase";
			case JDBC -> "JDBC floor";
			case JDBC_HISTORY -> "JDBC + history";
		};
	}

	/** The short label used in ratio column headings ({@code Retort/<label>}). */
	public String ratioLabel() {
		return switch (this) {
			case JDBC -> "JDBC";
			case JDBC_HISTORY -> "JDBC+history";
			default -> label();
		};
	}

	@FunctionalInterface
	private interface LiquibaseCall {

		Object run(Liquibase liquibase) throws Exception;
	}
}
