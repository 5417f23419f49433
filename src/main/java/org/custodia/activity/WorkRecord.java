package org.custodia.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A work record (工作记录, CMP-3): why an activity was not recorded and on what basis, the on-site leader
 * who consented, the reviewer the policy names, and the filing in as many copies as the agency wants.
 * {@code status} runs SUBMITTED → REVIEWED → FILED, or SUBMITTED → RETURNED.
 */
public record WorkRecord(UUID id, UUID activityId, String agency, String reasonCode, String reason, String basis,
		UUID leaderId, UUID writtenById, String writtenBy, Instant writtenAt, String reviewerRole, UUID reviewerId,
		String status, Instant reviewedAt, String reviewNote, String filedBy, Instant filedAt, int copies,
		List<String> copyHolders, String cite) {

	public WorkRecord {
		copyHolders = copyHolders == null ? List.of() : List.copyOf(copyHolders);
	}
}
