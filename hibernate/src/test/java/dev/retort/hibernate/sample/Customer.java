package dev.retort.hibernate.sample;

import java.time.Instant;

import dev.retort.hibernate.shared.Address;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.ColumnDefault;

/** Boot naming, a sequence of 50, a named unique constraint, an index, an enum, a default, a self-reference,
 * Bean Validation constraints. */
@Entity
@Table(name = "customers", uniqueConstraints = @UniqueConstraint(name = "uk_customers_email", columnNames = "email_address"),
		indexes = @Index(name = "ix_customers_last_name", columnList = "last_name"))
public class Customer {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
	@SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
	private Long id;

	private String firstName;

	@Column(length = 120, nullable = false)
	private String lastName;

	@Column(nullable = false)
	private String emailAddress;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private CustomerStatus accountStatus;

	@ColumnDefault("0")
	@Column(nullable = false)
	private int loyaltyPoints;

	private Instant createdAt;

	@ManyToOne
	@JoinColumn(name = "referred_by_id")
	private Customer referredBy;

	@Embedded
	private Address homeAddress;

	@NotNull
	@Size(max = 80)
	private String nickname;

}
