package dev.retort.hibernate.shared;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entity in a second schema, with a UUID key (its type depends on the engine's version). */
@Entity
@Table(schema = "audit")
public class AuditEntry {

	@Id
	private UUID entryId;

	private String actionName;

}
