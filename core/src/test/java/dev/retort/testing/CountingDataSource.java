package dev.retort.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/** Wraps a data source and records every connection it hands out (and every failed attempt). */
public final class CountingDataSource {

	private final List<Connection> opened = new CopyOnWriteArrayList<>();

	private final DataSource dataSource;

	public CountingDataSource(DataSource target) {
		this.dataSource = (DataSource) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(),
				new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
					try {
						Object result = method.invoke(target, args);
						if (result instanceof Connection connection) {
							this.opened.add(connection);
						}
						return result;
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** The counting data source. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/** Connections handed out so far, in order. */
	public List<Connection> opened() {
		return List.copyOf(this.opened);
	}

	/** How many connections were handed out. */
	public int count() {
		return this.opened.size();
	}
}
