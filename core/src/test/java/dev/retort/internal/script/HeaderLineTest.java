package dev.retort.internal.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written header-line match gives exactly what the header pattern gives. */
class HeaderLineTest {

	/** The pattern the parser documents for header lines. */
	private static final Pattern HEADER = Pattern.compile("^([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*){0,2})\\s*:(.*)$");

	@Test
	void agreesWithThePatternOnWrittenCases() {
		List<String> cases = List.of("Revision ID: abc", "Revises:", "Revises: a, b", "Revision ID : x",
				"Revision ID\t: x", "Revision\tID: x", "Revision  ID: x", "revision ID: x", "Branch Labels: a",
				"One Two Three: x", "One Two Three Four: x", "A: b: c", ": x", "Create Date: 2026-11-22 10:00:00",
				"Transactional: false", "X1: y", "Déjà: vu", "Key:\u2028value", "Key: a\rb", "Key: a\u0085", "Key",
				"Key ", "K :", "Ab Cd :: e", "Revision ID: ", "Revision ID:", "ABC DEF: x", "Abc dEF: x", "Abc  : x");
		for (String text : cases) {
			assertSame(text);
		}
	}

	@Test
	void agreesWithThePatternOnRandomLines() {
		Random random = new Random(7);
		String alphabet = "AZaz :\t\u2028\r-1é";
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = random.nextInt(14);
			for (int j = 0; j < length; j++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			texts.add(text.toString());
		}
		int matched = 0;
		for (String text : texts) {
			assertSame(text);
			matched += HEADER.matcher(text).matches() ? 1 : 0;
		}
		assertThat(matched).isGreaterThan(100);
	}

	private static void assertSame(String text) {
		Matcher m = HEADER.matcher(text);
		String[] byHand = SqlRevisionParser.headerLine(text);
		if (m.matches()) {
			assertThat(byHand).as(text).containsExactly(m.group(1), m.group(2));
		}
		else {
			assertThat(byHand).as(text).isNull();
		}
	}
}
