package dev.retort.internal.catalog;

/**
 * A PostgreSQL sequence not owned by an identity column.
 *
 * @param name the sequence name
 * @param dataType its type ({@code bigint}, {@code integer}, {@code smallint})
 * @param start the start value
 * @param increment the increment
 * @param min the minimum
 * @param max the maximum
 * @param cache the cache size
 * @param cycle whether it cycles
 */
public record SequenceSnapshot(String name, String dataType, long start, long increment, long min, long max,
		long cache, boolean cycle) implements SchemaType {

	@Override
	public String describe() {
		return "sequence " + this.name + " AS " + this.dataType + " START " + this.start + " INCREMENT "
				+ this.increment + " MIN " + this.min + " MAX " + this.max + " CACHE " + this.cache
				+ (this.cycle ? " CYCLE" : "");
	}
}
