package dev.retort.internal.script;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Checksums of SQL revision files: SHA-256, as 64 lower-case hex digits, over the file's bytes
 * normalised so that the same revision gives the same value on every OS and editor: a leading
 * UTF-8 byte order mark is dropped, CRLF and lone CR become LF, and trailing whitespace at the end
 * of the file (spaces, tabs, line breaks) is ignored. Anything else (a changed statement, comment,
 * header or indentation) changes the checksum.
 */
public final class Checksums {

	/** Length of a checksum string. */
	public static final int LENGTH = 64;

	private Checksums() {
	}

	/** The checksum of a revision file's content. */
	public static String of(byte[] content) {
		return of(content, content.length);
	}

	/** The checksum of the first {@code length} bytes of {@code content} (a file read into a buffer). */
	static String of(byte[] content, int length) {
		int from = start(content, length);
		return of(newDigest(), content, length, indexOfCr(content, from, end(content, from, length)) >= 0);
	}

	/**
	 * As {@link #of(byte[], int)}, with a digest the caller reuses across files: looking up a
	 * {@link MessageDigest} goes through the security providers each time, which costs more than
	 * hashing a small file before the JIT has warmed up (as at every application start).
	 * @param digest a SHA-256 digest from {@link #newDigest()}, in its initial state; left so
	 * @param hasCr whether the content holds a carriage return (the caller knows it from the text)
	 */
	static String of(MessageDigest digest, byte[] content, int length, boolean hasCr) {
		int from = start(content, length);
		int to = end(content, from, length);
		if (!hasCr) {
			// The usual case (LF line ends): digest the bytes in place, no normalised copy.
			digest.update(content, from, to - from);
		}
		else {
			digest.update(normalize(content, length));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/** A new SHA-256 digest for {@link #of(MessageDigest, byte[], int, boolean)}. */
	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	/**
	 * Hashes the files of one load with one SHA-256 digest, looked up on first use: a command that
	 * needs no checksum (the graph alone) never looks one up, and one that checks a thousand applied
	 * files goes through the security providers once. Belongs to one load, never shared wider;
	 * thread-safe (revisions may be read from several threads).
	 */
	static final class Digester {

		private @Nullable MessageDigest digest;

		private int hashed;

		/** The checksum of a whole file's content, as {@link Checksums#of(byte[])}. */
		String of(byte[] content) {
			int from = start(content, content.length);
			return of(content, indexOfCr(content, from, end(content, from, content.length)) >= 0);
		}

		/**
		 * As {@link #of(byte[])}, told whether the content holds a carriage return (the caller knows
		 * it from the decoded text, where {@code indexOf} is compiled JDK code, not a byte loop).
		 */
		synchronized String of(byte[] content, boolean hasCr) {
			this.hashed++;
			MessageDigest sha = this.digest;
			if (sha == null) {
				sha = newDigest();
				this.digest = sha;
			}
			return Checksums.of(sha, content, content.length, hasCr);
		}

		/** How many files were hashed (for tests). */
		synchronized int hashed() {
			return this.hashed;
		}
	}

	static byte[] normalize(byte[] content) {
		return normalize(content, content.length);
	}

	private static byte[] normalize(byte[] content, int length) {
		int from = start(content, length);
		int to = end(content, from, length);
		byte[] out = new byte[to - from];
		int size = 0;
		for (int i = from; i < to; i++) {
			byte b = content[i];
			if (b == '\r') {
				out[size++] = '\n';
				if (i + 1 < to && content[i + 1] == '\n') {
					i++;
				}
			}
			else {
				out[size++] = b;
			}
		}
		return (size == out.length) ? out : Arrays.copyOf(out, size);
	}

	/** After a UTF-8 byte order mark, if any. */
	private static int start(byte[] content, int length) {
		return (length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) ? 3 : 0;
	}

	/** Before trailing whitespace. */
	private static int end(byte[] content, int from, int length) {
		int to = length;
		while (to > from && isTrailingWhitespace(content[to - 1])) {
			to--;
		}
		return to;
	}

	private static int indexOfCr(byte[] content, int from, int to) {
		for (int i = from; i < to; i++) {
			if (content[i] == '\r') {
				return i;
			}
		}
		return -1;
	}

	private static boolean isTrailingWhitespace(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r';
	}
}
