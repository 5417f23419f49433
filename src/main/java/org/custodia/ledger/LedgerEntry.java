package org.custodia.ledger;

import java.time.Instant;

/**
 * An appended event with its place in the log: {@code entry} is its canonical JSON, the bytes whose
 * SHA-256(0x00 ‖ bytes) is {@code leafHash} (hex).
 */
public record LedgerEntry(long sequence, Instant occurredAt, String agency, String actor, String actorRoles,
		String action, String subjectType, String subjectId, String payloadJson, String entry, String leafHash) {
}
