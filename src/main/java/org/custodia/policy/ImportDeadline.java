package org.custodia.policy;

import java.time.Instant;

/** When a recording must be in the store at the latest, and the rule that says so. */
public record ImportDeadline(Instant at, String cite) {

	/** Minutes an import at {@code importedAt} came past the deadline, or null when it was in time. */
	public Long minutesLate(Instant importedAt) {
		return importedAt.isAfter(at) ? java.time.Duration.between(at, importedAt).toMinutes() : null;
	}
}
