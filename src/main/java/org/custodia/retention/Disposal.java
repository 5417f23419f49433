package org.custodia.retention;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A disposal (销毁): the custodian's list of expired recordings with the reason they have no value left, the approver's
 * decision on each item, the waiting period, and what was disposed of.
 *
 * @param approvers the roles that may approve, by the agency's policy ({@code legal-head}); never the proposer
 * @param waitUntil when an approved disposal is carried out; until then its proposer or approver may cancel it
 */
public record Disposal(UUID id, String agency, String number, State state, String reason, String approvers,
		String cite, String proposedBy, Instant proposedAt, String decidedBy, Instant decidedAt, String decisionNote,
		Instant waitUntil, String waitCite, String cancelledBy, Instant cancelledAt, String cancelReason,
		Instant executedAt, Instant filesRemovedAt, List<Item> items) {

	public enum State {

		/** Waiting for the approver. */
		PROPOSED,
		/** Approved, waiting out its period; may still be cancelled. */
		APPROVED,
		/** Every item struck by the approver. */
		REJECTED,
		/** Cancelled by its proposer or approver before it was carried out. */
		CANCELLED,
		/** Carried out: its items disposed of (or kept, where a hold or a new keep-until stood in the way). */
		EXECUTED;

		public boolean open() {
			return this == PROPOSED || this == APPROVED;
		}
	}

	/** What became of an item when the disposal was carried out. */
	public enum Outcome {
		DISPOSED, KEPT
	}

	/**
	 * One recording of the list, with its keep-until and rule as proposed, the approver's strike, its outcome, and the
	 * original's store key, hash and size as they were.
	 */
	public record Item(UUID recordingId, int position, Instant keepUntil, String rule, String cite, boolean struck,
			String strikeNote, Outcome outcome, String outcomeNote, String blobKey, String sha256, long size) {
	}

	public List<Item> approvedItems() {
		return items.stream().filter(item -> !item.struck()).toList();
	}
}
