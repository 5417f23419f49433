package org.custodia.policy;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the caller knows of how the user stands to the record ({@link Relation}), for the grants that ask
 * for more than a role. A fact may be given as a supplier: it is looked up only when a grant the user's
 * roles reach asks for it (the unit of the officer, on each range request of a player).
 */
public final class Facts {

	private static final Facts NONE = new Facts(Map.of());

	private final Map<Relation, BooleanSupplier> relations;

	private Facts(Map<Relation, BooleanSupplier> relations) {
		this.relations = relations;
	}

	/** No relation holds. */
	public static Facts none() {
		return NONE;
	}

	public static Facts of(Relation relation, boolean holds) {
		return none().and(relation, holds);
	}

	public Facts and(Relation relation, boolean holds) {
		return and(relation, () -> holds);
	}

	public Facts and(Relation relation, BooleanSupplier holds) {
		Map<Relation, BooleanSupplier> more = new EnumMap<>(Relation.class);
		more.putAll(relations);
		more.put(relation, holds);
		return new Facts(more);
	}

	boolean holds(Relation relation) {
		BooleanSupplier fact = relations.get(relation);
		return fact != null && fact.getAsBoolean();
	}
}
