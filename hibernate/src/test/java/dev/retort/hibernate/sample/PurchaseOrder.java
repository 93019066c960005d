package dev.retort.hibernate.sample;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A quoted reserved-word table, a quoted mixed-case column, an unnamed unique column, a foreign key. */
@Entity
@Table(name = "\"Order\"")
public class PurchaseOrder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(unique = true, nullable = false, length = 32)
	private String orderNumber;

	@Column(name = "\"GrandTotal\"", precision = 12, scale = 2)
	private BigDecimal grandTotal;

	@ManyToOne(optional = false)
	private Customer customer;

}
