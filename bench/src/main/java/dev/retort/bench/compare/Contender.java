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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;

import dev.retort.Retort;
import dev.retort.runtime.DriverManagerDataSource;
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
				Set<Integer> applied = applied(connection, true);
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
				Set<Integer> applied = applied(connection, false);
				return files(work).keySet().stream().filter((v) -> !applied.contains(v)).toList();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private Set<Integer> applied(Connection connection, boolean create) throws SQLException {
			if (create) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE TABLE IF NOT EXISTS jdbc_version (version INTEGER PRIMARY KEY)");
				}
			}
			Set<Integer> applied = new HashSet<>();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT version FROM jdbc_version")) {
				while (rs.next()) {
					applied.add(rs.getInt(1));
				}
			}
			return applied;
		}

		private TreeMap<Integer, Path> files(Workload work) {
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
	};

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
		};
	}

	@FunctionalInterface
	private interface LiquibaseCall {

		Object run(Liquibase liquibase) throws Exception;
	}
}
