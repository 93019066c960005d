package dev.retort.internal.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.retort.internal.catalog.ColumnSnapshot;

/**
 * Whether a type change may lose data: the base type changes, or a length, precision or scale
 * shrinks ({@code varchar(40)} to {@code varchar(20)}, {@code numeric(10,2)} to {@code numeric(8,2)}).
 * Widening is safe. The sizes are read from the type text, which every engine writes with them.
 */
final class TypeWidth {

	private static final Pattern NUMBER = Pattern.compile("[0-9]+");

	private TypeWidth() {
	}

	static boolean narrows(ColumnSnapshot from, ColumnSnapshot to) {
		if (from.type().equals(to.type())) {
			return false;
		}
		if (!base(from.type()).equals(base(to.type()))) {
			return true;
		}
		List<Long> old = sizes(from.type());
		List<Long> wanted = sizes(to.type());
		for (int i = 0; i < Math.min(old.size(), wanted.size()); i++) {
			if (wanted.get(i) < old.get(i)) {
				return true;
			}
		}
		// A size dropped (varchar(20) -> varchar) widens; a size added (varchar -> varchar(20)) narrows.
		return wanted.size() > old.size();
	}

	/** Whether the type changes to another base type (sizes aside): existing values must convert. */
	static boolean changesBase(ColumnSnapshot from, ColumnSnapshot to) {
		return !base(from.type()).equals(base(to.type()));
	}

	private static List<Long> sizes(String type) {
		List<Long> sizes = new ArrayList<>();
		int open = type.indexOf('(');
		int close = type.indexOf(')', open + 1);
		if (open >= 0 && close > open) {
			Matcher m = NUMBER.matcher(type.substring(open + 1, close));
			while (m.find()) {
				sizes.add(Long.parseLong(m.group()));
			}
		}
		return sizes;
	}

	private static String base(String type) {
		return type.replaceAll("\\(.*?\\)", "").strip().toLowerCase(Locale.ROOT);
	}
}
