package dev.retort;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result set, as Spring's {@code RowMapper} does.
 *
 * @param <T> the row type
 */
@FunctionalInterface
public interface RowMapper<T> {

	/** Maps the current row; {@code rowNum} counts from 0. */
	T mapRow(ResultSet rs, int rowNum) throws SQLException;
}
