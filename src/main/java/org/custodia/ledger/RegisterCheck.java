package org.custodia.ledger;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A register whose rows the ledger describes (recordings, devices, activities, work records): the
 * module that owns the table implements it as a bean, and {@code verify} compares each row with the
 * entry that made it. The ledger knows nothing of the tables; each check knows its own.
 */
public interface RegisterCheck {

	/** The action of the entry that creates each row, such as {@code recording.ingested}. */
	String created();

	/** Actions of later entries that set fields the check compares, such as {@code recording.hash-added}. */
	default Set<String> amended() {
		return Set.of();
	}

	/** The table the rows are in, for the report. */
	String table();

	/** How many rows the register holds: more than the ledger created means rows made without an entry. */
	long rows();

	/**
	 * Compares the rows these entries describe with the register. The keys are subject ids; each list
	 * holds that subject's creating entries and its amending ones, oldest first.
	 */
	Stream<Disagreement> check(Map<String, List<LedgerEntry>> entries);
}
