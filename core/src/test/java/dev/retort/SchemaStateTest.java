package dev.retort;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.retort.engine.RevisionFiles;
import dev.retort.testing.DatabaseKind;
import dev.retort.testing.TestDatabase;
import dev.retort.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Retort#schemaState()}: Retort's own tables left out, differences named, the reversibility probe. */
class SchemaStateTest {

	@ParameterizedTest
	@EnumSource(DatabaseKind.class)
	void statesCompareAndNameWhatDiffers(DatabaseKind kind) {
		RevisionFiles files = RevisionFiles.temporary();
		try (TestDatabase database = TestDatabases.create(kind)) {
			files.write("a1", List.of(), "notes", "CREATE TABLE notes (id BIGINT PRIMARY KEY, title VARCHAR(20));",
					"DROP TABLE notes;");
			files.write("b2", List.of("a1"), "index title", "CREATE INDEX ix_notes_title ON notes (title);", null);
			Retort retort = Retort.configure().dataSource(database.dataSource()).locations(files.location()).load();
			SchemaState empty = retort.schemaState();
			assertThat(empty.isEmpty()).isTrue();
			retort.upgrade("a1");
			SchemaState tableOnly = retort.schemaState();
			// The version and history tables exist now, yet the state holds only the revision's table.
			assertThat(tableOnly.isEmpty()).isFalse();
			assertThat(tableOnly.differencesFrom(empty)).singleElement()
				.asString()
				.containsIgnoringCase("extra table notes");
			retort.upgrade("b2");
			SchemaState indexed = retort.schemaState();
			assertThat(indexed.differencesFrom(tableOnly)).singleElement()
				.asString()
				.containsIgnoringCase("extra index ix_notes_title on notes");
			assertThat(tableOnly.differencesFrom(indexed)).singleElement()
				.asString()
				.containsIgnoringCase("missing index ix_notes_title on notes");
			assertThat(indexed.sameAs(retort.schemaState())).isTrue();
			assertThat(retort.hasDowngrade("a1")).isTrue();
			assertThat(retort.hasDowngrade("b2")).isFalse();
		}
		finally {
			files.delete();
		}
	}

}
