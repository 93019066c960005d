package dev.retort.cli.generate;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/** New revision ids as Alembic makes them: 12 random lower-case hex digits. */
public final class RevisionIdGenerator {

	private final RandomGenerator random;

	public RevisionIdGenerator() {
		this(new SecureRandom());
	}

	RevisionIdGenerator(RandomGenerator random) {
		this.random = random;
	}

	/** A fresh id. */
	public String next() {
		byte[] bytes = new byte[6];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) this.random.nextInt(256);
		}
		return HexFormat.of().formatHex(bytes);
	}
}
