package dev.retort.internal.script;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.retort.CoreErrorCode;
import dev.retort.LocationScanner;
import dev.retort.Migration;
import dev.retort.RetortException;
import dev.retort.Revision;

/**
 * Finds and loads every revision: SQL files from locations, Java revisions from given instances
 * and scanned packages. The result is in Retort's deterministic load order: locations in the order
 * given, files within a location in lexicographic order of their relative path, then Java
 * revisions in class-name order.
 * <p>
 * Locations are {@code classpath:path} (the default when there is no prefix) or
 * {@code filesystem:path} (relative to the working directory). Only {@code .sql} files are read,
 * in every subfolder; hidden files and folders are skipped. A classpath location that exists
 * nowhere is logged as a warning and contributes nothing (as in Flyway); a filesystem location
 * that does not exist is an error. Only the header of each SQL file is parsed here (a small file is
 * read whole and kept for its checksum and body, both taken on first use; see {@link RevisionScript}).
 */
public final class RevisionLoader {

	private static final Logger logger = LoggerFactory.getLogger(RevisionLoader.class);

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	/** Files up to this size are read whole when their header is read. */
	private static final int WHOLE_FILE_LIMIT = 8 * 1024;

	private final ClassLoader classLoader;

	private final @Nullable LocationScanner scanner;

	/** A loader reading {@code classpath:} locations and scanned packages from {@code classLoader}. */
	public RevisionLoader(ClassLoader classLoader) {
		this(classLoader, null);
	}

	/**
	 * A loader that lists locations with {@code scanner} first (an integration's resolver), and
	 * itself where the scanner returns {@code null}.
	 */
	public RevisionLoader(ClassLoader classLoader, @Nullable LocationScanner scanner) {
		this.classLoader = classLoader;
		this.scanner = scanner;
	}

	/**
	 * Loads all revisions, in load order.
	 * @param locations SQL locations, searched in this order
	 * @param migrations Java revisions given as instances (for example Spring beans)
	 * @param scanPackages packages searched for {@link Migration} classes annotated {@link Revision}
	 * @throws RetortException on a missing filesystem location, an unreadable or malformed header, a
	 * Java revision without annotation or constructor
	 */
	public List<RevisionScript> load(List<String> locations, List<? extends Migration> migrations,
			List<String> scanPackages) {
		long start = System.nanoTime();
		List<RevisionScript> result = new ArrayList<>();
		Checksums.Digester digester = new Checksums.Digester();
		for (String location : locations) {
			result.addAll(loadLocation(location, digester));
		}
		int sqlCount = result.size();
		result.addAll(loadJava(migrations, scanPackages));
		long millis = (System.nanoTime() - start) / 1_000_000;
		logger.info("Loaded {} revisions ({} SQL, {} Java) in {} ms", result.size(), sqlCount,
				result.size() - sqlCount, millis);
		return List.copyOf(result);
	}

	/** The SQL revisions of one location, in lexicographic order of their relative path. */
	public List<RevisionScript> loadLocation(String location) {
		return loadLocation(location, new Checksums.Digester());
	}

	/** As {@link #loadLocation(String)}, the checksums to be taken with {@code digester}. */
	List<RevisionScript> loadLocation(String location, Checksums.Digester digester) {
		String trimmed = location.strip();
		List<LocationScanner.Found> scanned = scanned(trimmed);
		if (scanned != null) {
			if (scanned.isEmpty()) {
				logger.warn("Revision location {} not found, or empty; no revisions read from it", trimmed);
			}
			return read(scanned.stream()
				.map((found) -> new Located(found.relativePath(), found.source(), found.opener()::open))
				.toList(), digester);
		}
		List<FolderScanner.Found> files;
		String sourcePrefix;
		if (trimmed.startsWith(FILESYSTEM)) {
			String path = trimmed.substring(FILESYSTEM.length());
			if (path.isBlank()) {
				throw invalidLocation(location, "filesystem: needs a folder path");
			}
			Path dir = Path.of(path).toAbsolutePath().normalize();
			files = FolderScanner.filesystem(dir, trimmed);
			sourcePrefix = FILESYSTEM + dir.toString().replace(dir.getFileSystem().getSeparator(), "/") + "/";
		}
		else {
			String path = classpathFolder(location, trimmed);
			files = FolderScanner.classpath(this.classLoader, path, trimmed);
			if (files.isEmpty()) {
				logger.warn("Revision location {} not found on the class path, or empty; no revisions read from it",
						trimmed);
			}
			sourcePrefix = CLASSPATH + path + "/";
		}
		String prefix = sourcePrefix;
		return read(files.stream()
			.map((file) -> new Located(file.relativePath(), prefix + file.relativePath(), file.opener()))
			.toList(), digester);
	}

	private @Nullable List<LocationScanner.Found> scanned(String location) {
		if (this.scanner == null) {
			return null;
		}
		try {
			return this.scanner.scan(location);
		}
		catch (IOException ex) {
			throw new RetortException(CoreErrorCode.LOCATION_NOT_FOUND,
					"Cannot list revision location " + location + ": " + ex.getMessage(), ex);
		}
	}

	private static List<RevisionScript> read(List<Located> files, Checksums.Digester digest) {
		List<RevisionScript> scripts = new ArrayList<>();
		byte[] buffer = new byte[WHOLE_FILE_LIMIT + 1];
		for (Located file : files) {
			if (!file.relativePath().endsWith(".sql")) {
				continue;
			}
			RevisionScript script = readHeader(file.source(), file.opener(), buffer, digest);
			logger.debug("Read revision {} from {}", script.id(), file.source());
			scripts.add(script);
		}
		return scripts;
	}

	/** A file of a location, listed by the engine or by an integration's scanner. */
	private record Located(String relativePath, String source, FolderScanner.Opener opener) {
	}

	/**
	 * Java revisions: the given instances and the classes found in {@code scanPackages}, in
	 * class-name order. A class both given and scanned is taken once, as given.
	 */
	public List<RevisionScript> loadJava(List<? extends Migration> migrations, List<String> scanPackages) {
		List<RevisionScript> scripts = new ArrayList<>();
		Set<String> given = new HashSet<>();
		for (Migration migration : migrations) {
			RevisionScript script = RevisionScript.ofJava(migration);
			given.add(script.source());
			scripts.add(script);
		}
		for (String scanPackage : scanPackages) {
			for (Class<?> type : scan(scanPackage)) {
				if (!given.contains(type.getName())) {
					scripts.add(RevisionScript.ofJava(instantiate(type)));
				}
			}
		}
		scripts.sort(Comparator.comparing(RevisionScript::source));
		for (RevisionScript script : scripts) {
			logger.debug("Read revision {} from class {}", script.id(), script.source());
		}
		return scripts;
	}

	private static RevisionScript readHeader(String source, FolderScanner.Opener opener, byte[] buffer,
			Checksums.Digester digest) {
		ScriptResource resource = new ScriptResource() {

			@Override
			public String source() {
				return source;
			}

			@Override
			public InputStream open() throws IOException {
				return opener.open();
			}
		};
		try (InputStream in = resource.open()) {
			// A small file (the usual case) is read whole now, into the loader's buffer, and kept: its
			// checksum, taken only if a command needs it, and its statements come from this one read, so
			// checking applied revisions reads no file again. A bigger one is read up to its header.
			int length = in.readNBytes(buffer, 0, buffer.length);
			if (length < buffer.length) {
				String text = decode(source, buffer, length);
				SqlHeader header = SqlRevisionParser.readHeader(source, text);
				return RevisionScript.sql(header, resource, digest, Arrays.copyOf(buffer, length), text);
			}
			return RevisionScript.sql(SqlRevisionParser.readHeader(source,
					new SequenceInputStream(new ByteArrayInputStream(buffer.clone()), in)), resource, digest);
		}
		catch (IOException ex) {
			throw RetortException.builder(CoreErrorCode.LOCATION_NOT_FOUND, "Cannot read " + source + ": " + ex.getMessage())
				.source(source)
				.cause(ex)
				.build();
		}
	}

	/**
	 * Strict UTF-8 decoding. The String constructor's decoding runs as compiled JDK code from the
	 * JVM's first moments, where a CharsetDecoder is interpreted at every application start; it
	 * replaces malformed input with U+FFFD, so only text holding that character (rare) is decoded
	 * again strictly to tell a real U+FFFD from an error.
	 */
	private static String decode(String source, byte[] buffer, int length) {
		String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') >= 0) {
			try {
				SqlRevisionParser.strictUtf8().decode(ByteBuffer.wrap(buffer, 0, length));
			}
			catch (CharacterCodingException ex) {
				throw ScriptErrors.malformed(source, 0, "not valid UTF-8 text");
			}
		}
		return text;
	}

	private List<Class<?>> scan(String scanPackage) {
		String pkg = scanPackage.strip();
		if (pkg.isEmpty() || !pkg.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.]*")) {
			throw new RetortException(CoreErrorCode.INVALID_CONFIGURATION,
					"'" + scanPackage + "' is not a Java package name to scan for revisions");
		}
		String path = pkg.replace('.', '/');
		List<FolderScanner.Found> files = FolderScanner.classpath(this.classLoader, path, "package " + pkg);
		if (files.isEmpty()) {
			logger.warn("Package {} not found on the class path, or empty; no Java revisions read from it", pkg);
		}
		List<Class<?>> types = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (FolderScanner.Found file : files) {
			String relative = file.relativePath();
			if (!relative.endsWith(".class") || relative.endsWith("package-info.class")
					|| relative.endsWith("module-info.class")) {
				continue;
			}
			String className = pkg + "." + relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
			if (!seen.add(className)) {
				// the same class in two class path roots: the class loader sees only one of them
				continue;
			}
			Class<?> type;
			try {
				type = Class.forName(className, false, this.classLoader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw RetortException.builder(CoreErrorCode.MALFORMED_REVISION,
						"Cannot load class " + className + " while scanning package " + pkg + " for revisions: " + ex)
					.source(className)
					.cause(ex)
					.build();
			}
			if (isCandidate(type)) {
				types.add(type);
			}
		}
		return types;
	}

	private static boolean isCandidate(Class<?> type) {
		if (!Migration.class.isAssignableFrom(type) || type.isInterface()
				|| Modifier.isAbstract(type.getModifiers()) || type.isAnonymousClass() || type.isLocalClass()
				|| type.isSynthetic()) {
			return false;
		}
		if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
			return false;
		}
		if (!type.isAnnotationPresent(Revision.class)) {
			throw RetortException.builder(CoreErrorCode.MALFORMED_REVISION, type.getName()
					+ ": implements Migration in a scanned package but is not annotated with @Revision (make it abstract"
					+ " if it is a base class)")
				.source(type.getName())
				.build();
		}
		return true;
	}

	/**
	 * Creates a scanned revision with its public no-argument constructor. One that needs constructor
	 * arguments (a Spring bean injecting others) can only run where Spring creates it: the error names
	 * the revision and the class, so the CLI user knows which one and why.
	 */
	private static Migration instantiate(Class<?> type) {
		Revision revision = type.getAnnotation(Revision.class);
		String what = "Java revision " + revision.id() + " (class " + type.getName() + ")";
		Constructor<?> constructor;
		try {
			constructor = type.getConstructor();
		}
		catch (NoSuchMethodException ex) {
			throw RetortException.builder(CoreErrorCode.REVISION_NOT_INSTANTIABLE, what
					+ " has no public no-argument constructor: it needs constructor arguments (Spring beans?), which "
					+ "only the application can give it. Outside Spring (the CLI, a plain JVM program) a scanned "
					+ "revision is created with its no-argument constructor; run this one through the application, "
					+ "or reach the database through Operations instead of injected beans")
				.revision(revision.id())
				.source(type.getName())
				.cause(ex)
				.build();
		}
		try {
			return (Migration) constructor.newInstance();
		}
		catch (InvocationTargetException ex) {
			throw RetortException.builder(CoreErrorCode.REVISION_NOT_INSTANTIABLE,
					what + ": constructor failed: " + ex.getCause())
				.revision(revision.id())
				.source(type.getName())
				.cause(ex.getCause())
				.build();
		}
		catch (ReflectiveOperationException ex) {
			throw RetortException.builder(CoreErrorCode.REVISION_NOT_INSTANTIABLE,
					what + ": cannot instantiate: " + ex)
				.revision(revision.id())
				.source(type.getName())
				.cause(ex)
				.build();
		}
	}

	private static String classpathFolder(String location, String trimmed) {
		String path;
		if (trimmed.startsWith(CLASSPATH)) {
			path = trimmed.substring(CLASSPATH.length());
		}
		else if (trimmed.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
			String prefix = trimmed.substring(0, trimmed.indexOf(':') + 1);
			throw invalidLocation(location, "unknown prefix '" + prefix.toLowerCase(Locale.ROOT)
					+ "'; use classpath: or filesystem:");
		}
		else {
			path = trimmed;
		}
		while (path.startsWith("/")) {
			path = path.substring(1);
		}
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		if (path.isEmpty()) {
			throw invalidLocation(location, "a classpath location must name a folder, such as classpath:db/revisions");
		}
		return path;
	}

	private static RetortException invalidLocation(String location, String problem) {
		return new RetortException(CoreErrorCode.INVALID_CONFIGURATION,
				"Invalid revision location '" + location + "': " + problem);
	}
}
