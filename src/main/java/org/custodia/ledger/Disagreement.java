package org.custodia.ledger;

/**
 * A register row that says something else than the ledger entry about it: in {@code table}, the row
 * {@code id}'s {@code field} holds {@code tableValue} where entry {@code sequence} says {@code ledgerValue}.
 * A row the ledger created but the table lacks has the field {@code row} and the table value null.
 */
public record Disagreement(String table, String id, String field, String ledgerValue, String tableValue, long sequence) {

	/** The row is missing from its table. */
	public static Disagreement missing(String table, String id, long sequence) {
		return new Disagreement(table, id, "row", "present", null, sequence);
	}

	/** The field's two values, or nothing when they are the same. */
	public static java.util.Optional<Disagreement> compare(String table, String id, String field, Object ledgerValue,
			Object tableValue, long sequence) {
		String ledger = ledgerValue == null ? null : ledgerValue.toString();
		String row = tableValue == null ? null : tableValue.toString();
		return java.util.Objects.equals(ledger, row) ? java.util.Optional.empty()
				: java.util.Optional.of(new Disagreement(table, id, field, ledger, row, sequence));
	}

	/**
	 * The same for a field an entry's payload may or may not carry (older or demo entries carry fewer):
	 * nothing to compare when the payload does not name it. The text "null" stands for no value.
	 */
	public static java.util.Optional<Disagreement> stated(String table, String id, String field,
			java.util.Map<String, Object> payload, String key, Object tableValue, long sequence) {
		if (!payload.containsKey(key)) {
			return java.util.Optional.empty();
		}
		Object stated = payload.get(key);
		return compare(table, id, field, "null".equals(stated) ? null : stated, tableValue, sequence);
	}
}
