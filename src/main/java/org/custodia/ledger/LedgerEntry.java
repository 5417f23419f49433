package org.custodia.ledger;

import java.time.Instant;

/** An appended event with its place in the log. */
public record LedgerEntry(long sequence, Instant occurredAt, String agency, String actor, String actorRoles,
		String action, String subjectType, String subjectId, String payloadJson) {
}
