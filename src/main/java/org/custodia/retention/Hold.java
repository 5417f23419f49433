package org.custodia.retention;

import java.time.Instant;
import java.util.UUID;

/** A hold that stops the disposal of a recording, or of every recording of a case, until it is released. */
public record Hold(UUID id, String agency, Subject subjectType, UUID subjectId, Kind kind, String reason,
		String placedBy, Instant placedAt, String releasedBy, Instant releasedAt, String releaseReason) {

	public enum Subject {
		RECORDING, CASE
	}

	public enum Kind {
		CASE, DISPUTE, COMPLAINT, ACCESS_REQUEST, INVESTIGATION
	}

	public boolean standing() {
		return releasedAt == null;
	}
}
