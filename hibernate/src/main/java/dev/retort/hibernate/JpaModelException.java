package dev.retort.hibernate;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Why a JPA model could not be turned into a create script. Carries a stable {@link Code} (documented in
 * {@code docs/errors.md}), the entity class Hibernate complained about when it named one, and the packages
 * that were scanned.
 */
public class JpaModelException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Code code;

	private final @Nullable String entityClass;

	private final List<String> packages;

	public JpaModelException(Code code, String message) {
		this(code, message, null, List.of(), null);
	}

	public JpaModelException(Code code, String message, @Nullable Throwable cause) {
		this(code, message, null, List.of(), cause);
	}

	public JpaModelException(Code code, String message, @Nullable String entityClass, List<String> packages,
			@Nullable Throwable cause) {
		super(message, cause);
		this.code = code;
		this.entityClass = entityClass;
		this.packages = List.copyOf(packages);
	}

	/** The stable error code. */
	public Code code() {
		return this.code;
	}

	/** The fully qualified name of the entity class involved, when known. */
	public @Nullable String entityClass() {
		return this.entityClass;
	}

	/** The packages that were scanned for entities (empty when scanning had not started). */
	public List<String> packages() {
		return this.packages;
	}

	/** The stable codes; each is documented with its cause and fix in {@code docs/errors.md}. */
	public enum Code {

		/** No {@code @SpringBootApplication} class in the class path roots, or more than one. */
		APPLICATION_CLASS_NOT_FOUND,
		/** The scanned packages hold no {@code @Entity} class. */
		NO_ENTITIES_FOUND,
		/** Hibernate rejected the mapping; the message is Hibernate's. */
		ENTITY_MAPPING_INVALID,
		/** The project's configuration files or {@code spring.jpa.*} values cannot be read or bound. */
		MODEL_CONFIGURATION_INVALID,
		/** The target database is not one this module writes scripts for. */
		UNSUPPORTED_DATABASE

	}

}
