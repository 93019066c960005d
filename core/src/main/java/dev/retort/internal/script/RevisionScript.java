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
 * {@code -- +upgrade} marker (a small file is read whole at once). The first call to
 * {@link #body()} or {@link #reversible()} parses the statements once and keeps the result;
 * concurrent callers share it, and {@link #checksum()} with it. A small file's bytes and text, read
 * at load, are kept softly for this: its checksum is taken from those bytes when first asked for
 * (commands that need only the graph, such as {@code heads} or {@code pending}, never hash), and its
 * statements are parsed from the same text, so what runs is what was loaded and checksummed.
 * Otherwise the whole file is read then (bytes for the checksum, text for the statements).
 * {@link #fileChecksum()} takes the checksum without parsing the statements (checking applied
 * revisions needs no more). If the file's header, or its checksum once taken, changed in between,
 * reading the body fails rather than run a revision the graph or the recorded checksum does not
 * describe. Instances are thread-safe.
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

	/**
	 * A SQL file's checksum once known before its body is parsed ({@link #fileChecksum()}): always of
	 * bytes whose header declares what {@link #node()} holds, so a body read later must have it.
	 */
	private volatile @Nullable String checksum;

	private final @Nullable ScriptResource resource;

	/** The header read at load, for comparing with a file read again. */
	private final @Nullable SqlHeader header;

	/** The file as read at load (a small file), kept softly until its body is parsed. */
	private final @Nullable SoftReference<Content> kept;

	/** Hashes the files of one load (one digest looked up once, on first use). */
	private final Checksums.@Nullable Digester digester;

	private RevisionScript(RevisionNode node, Kind kind, boolean transactional, @Nullable String createDate,
			@Nullable ScriptResource resource, @Nullable SqlHeader header, @Nullable Content content,
			Checksums.@Nullable Digester digester, @Nullable BodyReader reader) {
		this.node = node;
		this.kind = kind;
		this.transactional = transactional;
		this.createDate = createDate;
		this.resource = resource;
		this.header = header;
		this.kept = (content != null) ? new SoftReference<>(content) : null;
		this.digester = digester;
		this.reader = (reader != null) ? reader : this::readSql;
	}

	/**
	 * A SQL revision of which only the header has been read from {@code resource}: the body is read
	 * on first use, and must then still have the checksum {@link #fileChecksum()} took, if it took one.
	 */
	static RevisionScript sql(SqlHeader header, ScriptResource resource) {
		return sql(header, resource, null);
	}

	/** As {@link #sql(SqlHeader, ScriptResource)}, hashing with the load's {@code digester}. */
	static RevisionScript sql(SqlHeader header, ScriptResource resource, Checksums.@Nullable Digester digester) {
		return new RevisionScript(header.node(), Kind.SQL, header.transactional(), header.createDate(), resource,
				header, null, digester, null);
	}

	/**
	 * A SQL revision read whole at load: {@code bytes} are the file's content and {@code text} the
	 * same decoded, from which {@code header} was read. Both are kept softly, so that hashing and
	 * applying the revision soon after loading (an application's start) read no file again and
	 * parse the statements from the text the header came from; if memory ran short in between, the
	 * file is read again, and must still declare the same header (and have the checksum, if taken).
	 */
	static RevisionScript sql(SqlHeader header, ScriptResource resource, Checksums.Digester digester, byte[] bytes,
			String text) {
		return new RevisionScript(header.node(), Kind.SQL, header.transactional(), header.createDate(), resource,
				header, new Content(bytes, text), digester, null);
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
		return new RevisionScript(node, Kind.JAVA, revision.transactional(), null, null, null, null, null, () -> body);
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
			if (this.loaded != null) {
				return this.loaded.checksum();
			}
			if (this.checksum == null) {
				Content content = keptContent();
				if (content != null) {
					this.checksum = hash(content);
				}
				else {
					// Read again: the checksum is that of the file as it is now (what validation compares),
					// but it binds a later body read only if the file still declares the loaded header.
					Content now = read();
					String sum = hash(now.bytes());
					if (!sameHeader(now.text())) {
						return sum;
					}
					this.checksum = sum;
				}
			}
			return this.checksum;
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

	private @Nullable Content keptContent() {
		return (this.kept != null) ? this.kept.get() : null;
	}

	private String hash(byte[] bytes) {
		return (this.digester != null) ? this.digester.of(bytes) : Checksums.of(bytes);
	}

	private String hash(Content content) {
		return (this.digester != null) ? this.digester.of(content.bytes(), content.text().indexOf('\r') >= 0)
				: Checksums.of(content.bytes());
	}

	/** The file's bytes and text as they are now, read again from the resource. */
	private Content read() {
		ScriptResource resource = this.resource;
		byte[] bytes;
		try (InputStream in = resource.open()) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw RetortException.builder(CoreErrorCode.LOCATION_NOT_FOUND,
					"Cannot read " + resource.source() + ": " + ex.getMessage())
				.revision(this.node.id())
				.source(resource.source())
				.cause(ex)
				.build();
		}
		try {
			return new Content(bytes, SqlRevisionParser.strictUtf8().decode(ByteBuffer.wrap(bytes)).toString());
		}
		catch (CharacterCodingException ex) {
			throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, this.node.id(), resource.source(), 0,
					"not valid UTF-8 text");
		}
	}

	/** Whether {@code text} (the file read again) still declares the header read at load. */
	private boolean sameHeader(String text) {
		try {
			return SqlRevisionParser.readHeader(this.resource.source(), text).sameDeclaration(this.header);
		}
		catch (RetortException ex) {
			return false;
		}
	}

	/**
	 * Parses the body: from the content kept since load if still there, else from the file read
	 * again, which must declare the same header and, if a checksum was taken, still have it.
	 */
	private Loaded readSql() {
		String source = this.resource.source();
		String known = this.checksum;
		Content content = keptContent();
		if (content != null) {
			// The bytes and text the header was read from: hash and parse these, nothing else.
			String sum = (known != null) ? known : hash(content);
			Loaded result = new Loaded(SqlRevisionParser.parseBody(source, this.header, content.text()), sum);
			this.kept.clear();
			return result;
		}
		Content now = read();
		SqlRevisionParser.Parsed parsed = SqlRevisionParser.parse(source, now.text());
		if (!parsed.header().sameDeclaration(this.header)) {
			throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, this.node.id(), source, 0,
					"the header changed since the revisions were loaded; load them again");
		}
		String sum = hash(now.bytes());
		if (known != null && !known.equals(sum)) {
			// Running it would record a checksum other than the one validated or shown.
			throw ScriptErrors.at(CoreErrorCode.MALFORMED_REVISION, this.node.id(), source, 0,
					"the file changed since the revisions were loaded (checksum " + known + ", now " + sum
							+ "); load them again");
		}
		return new Loaded(parsed.body(), sum);
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

	/** A file's bytes and the same decoded as text. */
	private record Content(byte[] bytes, String text) {
	}
}
