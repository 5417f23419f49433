package org.custodia.access;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.custodia.policy.AccessMatrix;

/**
 * A request to watch, copy, print or publicly use recordings (调阅申请), from its entry to its end. Staff ask for
 * themselves; an outsider's request is entered by the keeper of the register, who also holds what is approved
 * (shows it on site, hands over the copies). {@code holderId} is the person whose grant the approval becomes.
 */
public record AccessRequest(UUID id, String agency, String number, AccessMatrix.Requester requesterKind,
		String requesterName, UUID requesterUserId, boolean lawyer, String onBehalfOf, UUID caseId, UUID activityId,
		String reason, Set<AccessMatrix.Use> uses, State state, String approvers, String cite, String enteredBy,
		Instant enteredAt, UUID holderId, String decidedBy, Instant decidedAt, String decisionNote, Instant expiresAt,
		Instant closedAt, List<Item> recordings, List<Document> documents) {

	public enum State {

		SUBMITTED, APPROVED, PARTLY_APPROVED, REFUSED, WITHDRAWN, FULFILLED, EXPIRED;

		/** An approval still in force until it expires or is closed. */
		public boolean granting() {
			return this == APPROVED || this == PARTLY_APPROVED;
		}
	}

	/** A recording the request names, and whether the decision granted it. */
	public record Item(UUID recordingId, boolean granted) {
	}

	/** A scanned document stored write-once beside the request. */
	public record Document(UUID id, String kind, String originalName, String sha256, long size, String contentType,
			String uploadedBy, Instant uploadedAt) {
	}

	/** For whom the request was made, as a register and a watermark name it: the body, or the requester. */
	public String forWhom() {
		return onBehalfOf == null || onBehalfOf.isBlank() ? requesterName : requesterName + "（" + onBehalfOf + "）";
	}

	public List<UUID> grantedRecordings() {
		return recordings.stream().filter(Item::granted).map(Item::recordingId).toList();
	}
}
