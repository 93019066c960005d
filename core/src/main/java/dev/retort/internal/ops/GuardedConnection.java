package dev.retort.internal.ops;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;

import dev.retort.CoreErrorCode;
import dev.retort.RetortException;

/**
 * The connection a revision sees: the executor's, except that ending or changing the transaction
 * and closing are refused, because the executor commits the revision together with its version and
 * history rows. Savepoints are allowed.
 */
final class GuardedConnection {

	private static final Set<String> REFUSED = Set.of("commit", "setAutoCommit", "close", "abort");

	private GuardedConnection() {
	}

	static Connection wrap(Connection target) {
		InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
		return (Connection) Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, handler);
	}

	private static Object invoke(Connection target, Method method, Object[] args) throws Throwable {
		String name = method.getName();
		boolean rollbackAll = name.equals("rollback") && (args == null || args.length == 0);
		if (REFUSED.contains(name) || rollbackAll) {
			throw new RetortException(CoreErrorCode.INVALID_OPERATION, "A revision must not call Connection." + name
					+ "(): Retort owns the transaction and commits the revision with its version row");
		}
		if (name.equals("unwrap") && args != null && args.length == 1 && args[0] == Connection.class) {
			throw new RetortException(CoreErrorCode.INVALID_OPERATION,
					"A revision must not unwrap the connection: Retort owns its transaction");
		}
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}
}
