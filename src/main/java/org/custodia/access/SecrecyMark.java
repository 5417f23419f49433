package org.custodia.access;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A secrecy mark (ACC-9) on a recording or a case: what kind of secret, whom it names, why, and where it stands.
 * It hides its subject from everyone else while {@link State#ACTIVE} or while its removal waits for approval.
 */
public record SecrecyMark(UUID id, String agency, Subject subjectType, UUID subjectId, Kind kind, Set<UUID> named,
		String reason, State state, String proposedBy, UUID proposedById, Instant proposedAt, String decidedBy,
		Instant decidedAt, String removalReason, UUID removalById) {

	public enum Subject {
		RECORDING, CASE
	}

	public enum Kind {
		STATE_SECRET, TRADE_SECRET, PERSONAL_PRIVACY
	}

	public enum State {

		PROPOSED, ACTIVE, REFUSED, REMOVAL_PROPOSED, LIFTED;

		/** The mark hides its subject: approved, and not yet lifted. */
		public boolean inForce() {
			return this == ACTIVE || this == REMOVAL_PROPOSED;
		}
	}
}
