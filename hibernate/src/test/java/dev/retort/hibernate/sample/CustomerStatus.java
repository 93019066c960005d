package dev.retort.hibernate.sample;

/** Stored by name. */
public enum CustomerStatus {
	ACTIVE, BLOCKED
}
