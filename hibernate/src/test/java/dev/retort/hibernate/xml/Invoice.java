package dev.retort.hibernate.xml;

/** An entity mapped only in an orm.xml file (spring.jpa.mapping-resources). */
public class Invoice {

	private long id;

	private String invoiceNumber;

}
