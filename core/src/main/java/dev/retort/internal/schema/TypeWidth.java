package dev.retort.internal.schema;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Whether a type change may lose data: the base type changes, or a length, precision or scale
 * shrinks. Widening ({@code varchar(20)} to {@code varchar(40)}) is safe.
 */
final class TypeWidth {

	private TypeWidth() {
	}

	static boolean narrows(ColumnSnapshot from, ColumnSnapshot to) {
		if (from.type().equals(to.type())) {
			return false;
		}
		if (!base(from.type()).equals(base(to.type()))) {
			return true;
		}
		return smaller(to.length(), from.length()) || smaller(to.precision(), from.precision())
				|| smaller(to.scale(), from.scale());
	}

	private static boolean smaller(@Nullable Number to, @Nullable Number from) {
		return to != null && from != null && to.longValue() < from.longValue();
	}

	private static String base(String type) {
		return type.replaceAll("\\(.*?\\)", "").strip().toLowerCase(Locale.ROOT);
	}
}
