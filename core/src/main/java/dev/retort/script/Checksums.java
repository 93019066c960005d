package dev.retort.script;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normalize(content)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

	static byte[] normalize(byte[] content) {
		int from = (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) ? 3 : 0;
		int to = content.length;
		while (to > from && isTrailingWhitespace(content[to - 1])) {
			to--;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
		for (int i = from; i < to; i++) {
			byte b = content[i];
			if (b == '\r') {
				out.write('\n');
				if (i + 1 < to && content[i + 1] == '\n') {
					i++;
				}
			}
			else {
				out.write(b);
			}
		}
		return out.toByteArray();
	}

	private static boolean isTrailingWhitespace(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r';
	}
}
