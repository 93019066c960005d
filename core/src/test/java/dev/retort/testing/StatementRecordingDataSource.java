package dev.retort.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/**
 * Wraps a data source and records the SQL of every statement sent through its connections: the
 * text given to {@code execute*} on a plain statement, and each execution of a prepared one.
 */
public final class StatementRecordingDataSource {

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final DataSource dataSource;

	public StatementRecordingDataSource(DataSource target) {
		this.dataSource = proxy(DataSource.class, target, (method, args, result) -> {
			if (result instanceof Connection connection) {
				return proxy(Connection.class, connection, this::wrapStatement);
			}
			return result;
		});
	}

	/** The recording data source. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** Statements sent so far, in order. */
	public List<String> sent() {
		return List.copyOf(this.sent);
	}

	/** Forgets what was recorded. */
	public void clear() {
		this.sent.clear();
	}

	private Object wrapStatement(Method method, Object[] args, Object result) {
		if (result instanceof java.sql.PreparedStatement prepared && args != null && args[0] instanceof String sql) {
			return proxy(java.sql.PreparedStatement.class, prepared, (m, a, r) -> {
				if (m.getName().startsWith("execute") && (a == null || a.length == 0)) {
					this.sent.add(sql);
				}
				return r;
			});
		}
		if (result instanceof Statement statement) {
			return proxy(Statement.class, statement, (m, a, r) -> {
				if (m.getName().startsWith("execute") && a != null && a.length > 0 && a[0] instanceof String sql) {
					this.sent.add(sql);
				}
				return r;
			});
		}
		return result;
	}

	/** Called after each call on a wrapped object, with what it returned; returns what the caller gets. */
	@FunctionalInterface
	private interface AfterCall {

		Object after(Method method, Object[] args, Object result) throws Exception;
	}

	private static <T> T proxy(Class<T> type, T target, AfterCall after) {
		return type.cast(Proxy.newProxyInstance(StatementRecordingDataSource.class.getClassLoader(),
				new Class<?>[] { type }, (proxy, method, args) -> {
					if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
						return method.invoke(target, args);
					}
					Object result;
					try {
						result = method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
					return after.after(method, args, result);
				}));
	}
}
