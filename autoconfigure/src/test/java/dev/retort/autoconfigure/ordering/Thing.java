package dev.retort.autoconfigure.ordering;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A JPA view of the {@code things} table that the test revisions create. */
@Entity
@Table(name = "things")
public class Thing {

	@Id
	private Integer id;

	private String name;

	protected Thing() {
	}

	public Integer getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

}
