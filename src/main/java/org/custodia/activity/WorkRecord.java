package org.custodia.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.custodia.shared.Role;
import org.custodia.shared.RoleCode;

import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A work record (工作记录, CMP-3): why an activity was not recorded and on what basis, the on-site leader
 * who consented, the reviewer the policy names, and the filing in as many copies as the agency wants.
 * {@code reviewerRole} is the role the policy wants to review it; {@code consentBy} the capacity in which
 * {@code leaderId} consented, one the policy names (000 art. 8: {@code on-site-leader} or {@code unit-head}),
 * both null where the regulation asks for no consent.
 */
public record WorkRecord(UUID id, UUID activityId, String agency, String reasonCode, String reason, String basis,
		UUID leaderId, String consentBy, UUID writtenById, String writtenBy, Instant writtenAt,
		@JsonSerialize(using = RoleCode.class) Role reviewerRole, UUID reviewerId, WorkRecordStatus status, Instant reviewedAt, String reviewNote, String filedBy, Instant filedAt, int copies,
		List<String> copyHolders, String cite) {

	public WorkRecord {
		copyHolders = copyHolders == null ? List.of() : List.copyOf(copyHolders);
	}

	/** Written and waiting for the named reviewer. */
	public boolean awaitingReview() {
		return status == WorkRecordStatus.SUBMITTED;
	}

	/** Approved and waiting for the custodian to file it. */
	public boolean awaitingFiling() {
		return status == WorkRecordStatus.REVIEWED;
	}
}
