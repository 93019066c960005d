package dev.retort.internal.script;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.CoreErrorCode;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.Revision;
import dev.retort.internal.graph.RevisionNode;

/**
 * One loaded revision: its place in the graph ({@link #node()}), where it came from, whether it
 * runs in a transaction, and, read on first use, its body and checksum.
 * <p>
 * Building the graph needs only {@link #node()}: for a SQL file that was read up to its first
 * {@code -- +upgrade} marker (a small file is read whole at once, and its checksum taken then).
 * The first call to {@link #body()} or {@link #reversible()} parses the statements once and keeps
 * the result; concurrent callers share it, and {@link #checksum()} with it. A small file's text,
 * read at load, is kept softly for this (what runs is what was loaded and checksummed); otherwise
 * the whole file is read then (bytes for the checksum, text for the statements). {@link #fileChecksum()} reads the bytes without
 * parsing the statements (checking applied revisions needs no more). If the file's header, or its checksum once taken, changed in
 * between, reading the body fails rather than run a revision the graph or the recorded checksum
 * does not describe. Instances are thread-safe.
 */
public final class RevisionScript {

	/** The two kinds of revision. */
	public enum Kind {

		/** A {@code .sql} revision file. */
		SQL,

		/** A {@link Migration} class annotated {@link Revision}. */
		JAVA
	}

	private final RevisionNode node;

	private final Kind kind;

	private final boolean transactional;

	private final @Nullable String createDate;

	private final BodyReader reader;

	private final Object lock = new Object();

	private volatile @Nullable Loaded loaded;

	/** A SQL file's checksum when known before its body is parsed (taken at load, or read alone). */
	private volatile @Nullable String checksum;

	private final @Nullable ScriptResource resource;

	private RevisionScript(RevisionNode node, Kind kind, boolean transactional, @Nullable String createDate,
			@Nullable ScriptResource resource, @Nullable String checksum, BodyReader reader) {
		this.node = node;
		this.kind = kind;
		this.transactional = transactional;
		this.createDate = createDate;
		this.resource = resource;
		this.checksum = checksum;
		this.reader = reader;
	}

	/**
	 * A SQL revision of which only the header has been read from {@code resource}: the body is read
	 * on first use, and must then still have the checksum {@link #fileChecksum()} took, if it took one.
	 */
	static RevisionScript sql(SqlHeader header, ScriptResource resource) {
		RevisionScript[] self = new RevisionScript[1];
		self[0] = new RevisionScript(header.node(), Kind.SQL, header.transactional(), header.createDate(), resource,
				null, () -> readSql(header, resource, self[0].checksum));
		return self[0];
	}

	/**
	 * A SQL revision read whole at load: {@code text} is the file's content, whose checksum is
	 * {@code checksum}. The text is kept softly, so that applying the revision soon after loading
	 * (an application's start) parses its sections without reading the file or its header again;
	 * if memory ran short in between, the file is read again and must still have that checksum.
	 */
	static RevisionScript sql(SqlHeader header, ScriptResource resource, String checksum, String text) {
		SoftReference<String> kept = new SoftReference<>(text);
		return new RevisionScript(header.node(), Kind.SQL, header.transactional(), header.createDate(), resource,
				checksum, () -> {
					String content = kept.get();
					if (content == null) {
						return readSql(header, resource, checksum);
					}
					kept.clear();
					return new Loaded(SqlRevisionParser.parseBody(resource.source(), header, content), checksum);
				});
	}

	/**
	 * A SQL revision parsed from text in memory (tests, generated revisions): the header is
	 * checked now, the body on first use.
	 * @param source the name used in messages and as {@link #source()}
	 * @param text the file content
	 * @throws RetortException if the header is malformed
	 */
	public static RevisionScript ofSql(String source, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ScriptResource resource = new ScriptResource() {

			@Override
			public String source() {
				return source;
			}

			@Override
			public InputStream open() {
				return new java.io.ByteArrayInputStream(bytes);
			}
		};
		try (InputStream in = resource.open()) {
			return sql(SqlRevisionParser.readHeader(source, in), resource);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A Java revision from an instance. The {@link Revision} annotation is looked up on the
	 * instance's class and its superclasses, so a subclassing proxy (Spring CGLIB) works.
	 * @throws RetortException {@link CoreErrorCode#MALFORMED_REVISION} if no class in the hierarchy is
	 * annotated, {@link CoreErrorCode#ILLEGAL_REVISION_ID} if an id is illegal
	 */
	public static RevisionScript ofJava(Migration migration) {
		Class<?> type = migration.getClass();
		while (type != null && !type.isAnnotationPresent(Revision.class)) {
			type = type.getSuperclass();
		}
		if (type == null) {
			String name = migration.getClass().getName();
			throw ScriptErrors.malformed(name, 0, "Java migration " + name + " is not annotated with @"
					+ Revision.class.getName() + " (an interface-based proxy hides the annotation; proxy the class)");
		}
		Revision revision = type.getAnnotation(Revision.class);
		String source = type.getName();
		String idProblem = RevisionIds.idProblem(revision.id());
		if (idProblem != null) {
			throw ScriptErrors.at(CoreErrorCode.ILLEGAL_REVISION_ID, null, source, 0, "@Revision(id): " + idProblem);
		}
		for (String down : revision.revises()) {
			String problem = RevisionIds.idProblem(down);
			if (problem != null) {
				throw ScriptErrors.at(CoreErrorCode.ILLEGAL_REVISION_ID, revision.id(), source, 0,
						"@Revision(revises): " + problem);
			}
		}
		checkNames(revision.branchLabels(), "branchLabels", revision.id(), source);
		checkNames(revision.dependsOn(), "dependsOn", revision.id(), source);
		RevisionNode node = new RevisionNode(revision.id(), List.of(revision.revises()),
				List.of(revision.branchLabels()), List.of(revision.dependsOn()), revision.message(), source);
		Loaded body = new Loaded(new JavaBody(migration), null);
		return new RevisionScript(node, Kind.JAVA, revision.transactional(), null, null, null, () -> body);
	}

	private static void checkNames(String[] names, String attribute, String id, String source) {
		for (String name : names) {
			String problem = RevisionIds.nameProblem(name);
			if (problem != null) {
				throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, id, source, 0, "@Revision(" + attribute + "): "
						+ problem);
			}
		}
		if (Arrays.stream(names).distinct().count() != names.length) {
			throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, id, source, 0,
					"@Revision(" + attribute + ") lists an entry twice: " + Arrays.toString(names));
		}
	}

	/** The revision's place in the graph. */
	public RevisionNode node() {
		return this.node;
	}

	/** The revision id (same as {@code node().id()}). */
	public String id() {
		return this.node.id();
	}

	/**
	 * Where it came from: {@code classpath:db/revisions/3f9a_add_users.sql},
	 * {@code filesystem:/abs/path/x.sql}, or the Java class name.
	 */
	public String source() {
		return this.node.source();
	}

	/** SQL file or Java class. */
	public Kind kind() {
		return this.kind;
	}

	/** Whether the revision runs inside a transaction ({@code Transactional:}, default true). */
	public boolean transactional() {
		return this.transactional;
	}

	/** The {@code Create Date:} header as written, or {@code null} (always null for Java revisions). */
	public @Nullable String createDate() {
		return this.createDate;
	}

	/**
	 * What the revision runs: a {@link SqlBody} or a {@link JavaBody}. Reads and parses a SQL file on
	 * the first call.
	 * @throws RetortException {@link CoreErrorCode#MALFORMED_REVISION} if the body is malformed
	 * (unterminated quote, empty upgrade section, ...) or the file changed since it was loaded
	 */
	public ScriptBody body() {
		return loaded().body();
	}

	/**
	 * The checksum recorded when the revision is applied: {@link Checksums#of(byte[])} of a SQL
	 * file, or {@code null} for a Java revision (compiled code has no stable text to compare; its
	 * checksum is not recorded or validated). Reads a SQL file on the first call.
	 */
	public @Nullable String checksum() {
		return loaded().checksum();
	}

	/**
	 * The same checksum as {@link #checksum()}, without parsing the statements: taken when the file
	 * was loaded if it was read whole then, else from its bytes on the first call. This is what
	 * validating applied revisions compares with the recorded checksum (a file that no longer parses
	 * has changed, so it mismatches). If the body is read later, its content must still have this
	 * checksum. {@code null} for a Java revision.
	 */
	public @Nullable String fileChecksum() {
		if (this.kind == Kind.JAVA) {
			return null;
		}
		String known = this.checksum;
		if (known != null) {
			return known;
		}
		Loaded body = this.loaded;
		if (body != null) {
			return body.checksum();
		}
		synchronized (this.lock) {
			if (this.checksum == null && this.loaded == null) {
				this.checksum = Checksums.of(readBytes(this.node.id(), this.resource));
			}
			return (this.checksum != null) ? this.checksum : this.loaded.checksum();
		}
	}

	/** Whether the revision has a downgrade (on at least one database); reads a SQL body. */
	public boolean reversible() {
		return body().reversible();
	}

	/**
	 * Whether the revision can be downgraded on {@code dialect}: for SQL, a generic or matching
	 * {@code -- +downgrade} section exists; for Java, {@link Migration#isReversible()}.
	 */
	public boolean reversible(String dialect) {
		ScriptBody body = body();
		return (body instanceof SqlBody sql) ? sql.reversible(dialect) : body.reversible();
	}

	/** Whether the body has been read already (for diagnostics and tests). */
	public boolean bodyLoaded() {
		return this.loaded != null;
	}

	private Loaded loaded() {
		Loaded result = this.loaded;
		if (result == null) {
			synchronized (this.lock) {
				result = this.loaded;
				if (result == null) {
					result = this.reader.read();
					this.loaded = result;
				}
			}
		}
		return result;
	}

	private static byte[] readBytes(String id, ScriptResource resource) {
		try (InputStream in = resource.open()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw RetortException.builder(CoreErrorCode.LOCATION_NOT_FOUND,
					"Cannot read " + resource.source() + ": " + ex.getMessage())
				.revision(id)
				.source(resource.source())
				.cause(ex)
				.build();
		}
	}

	/**
	 * Reads and parses the whole file.
	 * @param checksum the checksum already taken of this file, if any: the content must still have it
	 */
	private static Loaded readSql(SqlHeader header, ScriptResource resource, @Nullable String checksum) {
		String source = resource.source();
		byte[] bytes = readBytes(header.node().id(), resource);
		String text;
		try {
			text = SqlRevisionParser.strictUtf8().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException ex) {
			throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, header.node().id(), source, 0, "not valid UTF-8 text");
		}
		SqlRevisionParser.Parsed parsed = SqlRevisionParser.parse(source, text);
		String now = Checksums.of(bytes);
		// The same bytes as when the header was read (same checksum) need no header comparison.
		boolean unchanged = checksum != null && checksum.equals(now);
		if (!unchanged && !parsed.header().sameDeclaration(header)) {
			throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, header.node().id(), source, 0,
					"the header changed since the revisions were loaded; load them again");
		}
		if (checksum != null && !unchanged) {
			// Running it would record a checksum other than the one validated or shown.
			throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, header.node().id(), source, 0,
					"the file changed since the revisions were loaded (checksum " + checksum + ", now " + now
							+ "); load them again");
		}
		return new Loaded(parsed.body(), now);
	}

	@Override
	public String toString() {
		return this.node.id() + " (" + source() + ")";
	}

	/** Reads the body; called at most once per successful read. */
	@FunctionalInterface
	private interface BodyReader {

		Loaded read();
	}

	private record Loaded(ScriptBody body, @Nullable String checksum) {
	}
}
