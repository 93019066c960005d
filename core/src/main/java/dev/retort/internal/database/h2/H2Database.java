package dev.retort.internal.database.h2;

import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.retort.internal.catalog.CatalogReader;
import dev.retort.internal.database.Database;
import dev.retort.internal.database.DatabaseType;
import dev.retort.internal.database.IdentifierCase;
import dev.retort.internal.database.LockRequest;
import dev.retort.internal.database.MigrationLock;
import dev.retort.internal.database.ScratchHost;
import dev.retort.internal.database.TableLock;

/**
 * H2 2.x: a lock row with a heartbeat (H2 has no session lock), and DDL that commits the open
 * transaction, so a failed revision keeps its earlier DDL. How unquoted names are stored
 * ({@code DATABASE_TO_UPPER}/{@code DATABASE_TO_LOWER}) comes from the URL or the metadata.
 */
public final class H2Database extends Database {

	/** How the registry recognises H2. */
	public static final DatabaseType TYPE = new Type();

	H2Database(IdentifierCase identifierCase) {
		super(new H2Dialect(identifierCase));
	}

	@Override
	public String displayName() {
		return "H2";
	}

	@Override
	public MigrationLock lock(LockRequest request) {
		return new TableLock(request.dataSource(), request.lockTable(), request.expiry(), request.actor(), dialect());
	}

	@Override
	public CatalogReader catalogReader() {
		return new H2CatalogReader();
	}

	@Override
	public ScratchHost scratchHost(String url) {
		return new H2ScratchHost(url);
	}

	private static final class Type implements DatabaseType {

		@Override
		public List<String> names() {
			return List.of("h2");
		}

		@Override
		public List<String> urlPrefixes() {
			return List.of("jdbc:h2:");
		}

		@Override
		public Database named(String canonicalName) {
			return new H2Database(IdentifierCase.UPPER);
		}

		/** {@code DATABASE_TO_LOWER=TRUE} and {@code DATABASE_TO_UPPER=FALSE} are honoured. */
		@Override
		public @Nullable Database forUrl(String lowerCaseUrl) {
			if (!lowerCaseUrl.startsWith("jdbc:h2:")) {
				return null;
			}
			String compact = lowerCaseUrl.replace(" ", "");
			IdentifierCase identifierCase = compact.contains(";database_to_lower=true") ? IdentifierCase.LOWER
					: compact.contains(";database_to_upper=false") ? IdentifierCase.AS_IS : IdentifierCase.UPPER;
			return new H2Database(identifierCase);
		}

		@Override
		public @Nullable Database forProduct(String product, String version, DatabaseMetaData metaData)
				throws SQLException {
			if (!product.equals("h2")) {
				return null;
			}
			IdentifierCase identifierCase = metaData.storesUpperCaseIdentifiers() ? IdentifierCase.UPPER
					: metaData.storesLowerCaseIdentifiers() ? IdentifierCase.LOWER : IdentifierCase.AS_IS;
			return new H2Database(identifierCase);
		}
	}
}
