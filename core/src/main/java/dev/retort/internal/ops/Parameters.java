package dev.retort.internal.ops;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

import org.jspecify.annotations.Nullable;

/** Binds positional parameters. */
final class Parameters {

	private Parameters() {
	}

	static void bind(PreparedStatement ps, @Nullable Object @Nullable [] params) throws SQLException {
		if (params == null) {
			return;
		}
		for (int i = 0; i < params.length; i++) {
			Object value = params[i];
			if (value == null) {
				ps.setNull(i + 1, Types.NULL);
			}
			else if (value instanceof Enum<?> e) {
				ps.setString(i + 1, e.name());
			}
			else {
				ps.setObject(i + 1, value);
			}
		}
	}
}
