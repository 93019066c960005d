package dev.retort.hibernate.shared;

import jakarta.persistence.Embeddable;

/** An embeddable found through {@code @EntityScan} of this package. */
@Embeddable
public class Address {

	private String streetLine;

	private String postalCode;

}
