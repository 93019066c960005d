package dev.retort.internal.script;

import java.io.IOException;
import java.io.InputStream;

/** A revision file found in a location, opened each time its content is needed. */
interface ScriptResource {

	/** How users see it: {@code classpath:db/revisions/x.sql} or {@code filesystem:/abs/x.sql}. */
	String source();

	/** A fresh stream over the file's bytes. */
	InputStream open() throws IOException;
}
