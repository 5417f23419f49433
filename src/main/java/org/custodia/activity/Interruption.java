package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A gap between two consecutive recordings of one activity (REC-4) and, once someone explained it,
 * the reason; an interruption without a reason stays flagged.
 */
public record Interruption(UUID activityId, UUID afterRecordingId, UUID beforeRecordingId, Instant gapStart,
		Instant gapEnd, long seconds, String reasonCode, String note, String explainedBy, Instant explainedAt,
		String cite) {

	@JsonProperty("explained")
	public boolean explained() {
		return reasonCode != null;
	}
}
