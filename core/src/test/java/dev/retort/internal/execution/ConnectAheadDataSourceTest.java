package dev.retort.internal.execution;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.retort.Retort;
import dev.retort.engine.RevisionFiles;
import dev.retort.testing.CountingDataSource;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The first connection is opened while revisions load, handed out once, and never leaked. */
class ConnectAheadDataSourceTest {

	private final RevisionFiles files = RevisionFiles.temporary();

	@AfterEach
	void deleteFiles() {
		this.files.delete();
	}

	@Test
	void theFirstCallerGetsTheConnectionOpenedAheadAndLaterCallersNewOnes() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			CountingDataSource counting = new CountingDataSource(db.dataSource());
			ConnectAheadDataSource ahead = ConnectAheadDataSource.start(counting.dataSource());
			awaitCount(counting, 1);
			Connection early = counting.opened().get(0);
			try (Connection first = ahead.getConnection()) {
				assertThat(first).isSameAs(early);
				assertThat(counting.count()).isEqualTo(1);
			}
			try (Connection second = ahead.getConnection()) {
				assertThat(second).isNotSameAs(early);
				assertThat(counting.count()).isEqualTo(2);
			}
		}
	}

	@Test
	void aFailedEarlyAttemptIsTheFirstCallersErrorAndIsNotRepeated() {
		AtomicInteger attempts = new AtomicInteger();
		DataSource refusing = failing(attempts, new SQLException("connection refused", "08001"));
		ConnectAheadDataSource ahead = ConnectAheadDataSource.start(refusing);
		assertThatThrownBy(ahead::getConnection).isInstanceOfSatisfying(SQLException.class, (ex) -> {
			assertThat(ex.getMessage()).isEqualTo("connection refused");
			assertThat(ex.getSQLState()).isEqualTo("08001");
		});
		assertThat(attempts).hasValue(1);
		// Later callers try again themselves.
		assertThatThrownBy(ahead::getConnection).isInstanceOf(SQLException.class);
		assertThat(attempts).hasValue(2);
	}

	@Test
	void anUnusedEarlyConnectionIsClosed() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.H2)) {
			CountingDataSource counting = new CountingDataSource(db.dataSource());
			ConnectAheadDataSource ahead = ConnectAheadDataSource.start(counting.dataSource(), Duration.ofMillis(200));
			awaitCount(counting, 1);
			Connection early = counting.opened().get(0);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (!early.isClosed() && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(early.isClosed()).isTrue();
			try (Connection later = ahead.getConnection()) {
				assertThat(later).isNotSameAs(early);
				assertThat(later.isClosed()).isFalse();
			}
		}
	}

	@Test
	void loadConnectsAheadAndTheRunUsesThatConnection() throws Exception {
		try (TestDatabase db = TestDatabases.create(DatabaseKind.POSTGRES)) {
			this.files.write("c1", List.of(), "one", "CREATE TABLE c1 (id INT);", "DROP TABLE c1;");
			CountingDataSource counting = new CountingDataSource(db.dataSource());
			Retort retort = Retort.configure().dataSource(counting.dataSource()).locations(this.files.location()).load();
			awaitCount(counting, 1);
			assertThat(retort.upgrade("heads").headsAfter()).containsExactly("c1");
			assertThat(counting.count()).isEqualTo(1);
		}
	}

	@Test
	void withoutConnectAheadLoadTouchesNoDatabase() throws Exception {
		this.files.write("c1", List.of(), "one", "CREATE TABLE c1 (id INT);", "DROP TABLE c1;");
		AtomicInteger attempts = new AtomicInteger();
		DataSource refusing = failing(attempts, new SQLException("no database here", "08001"));
		Retort retort = Retort.configure()
			.dataSource(refusing)
			.locations(this.files.location())
			.connectAhead(false)
			.load();
		assertThat(retort.heads()).extracting("id").containsExactly("c1");
		Thread.sleep(200);
		assertThat(attempts).hasValue(0);
	}

	private static DataSource failing(AtomicInteger attempts, SQLException failure) {
		return (DataSource) Proxy.newProxyInstance(ConnectAheadDataSourceTest.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					if (method.getName().equals("getConnection")) {
						attempts.incrementAndGet();
						throw new SQLException(failure.getMessage(), failure.getSQLState());
					}
					throw new InvocationTargetException(new UnsupportedOperationException(method.getName()));
				});
	}

	private static void awaitCount(CountingDataSource counting, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (counting.count() < count && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(counting.count()).isEqualTo(count);
	}
}
