package dev.retort.internal.catalog;

/**
 * A check constraint.
 *
 * @param name the constraint name
 * @param generatedName whether the engine or Hibernate generated the name
 * @param expression the condition as the engine stores it
 */
public record CheckSnapshot(String name, boolean generatedName, String expression) implements TableObject {

	@Override
	public String signature() {
		return "CHECK (" + this.expression + ")";
	}

	@Override
	public String kind() {
		return "check constraint";
	}

	@Override
	public CheckSnapshot renamed(String newName) {
		return new CheckSnapshot(newName, false, this.expression);
	}
}
