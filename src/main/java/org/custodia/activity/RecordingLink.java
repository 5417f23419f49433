package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * A recording confirmed as part of an activity, with the facts copied from the register when it was
 * confirmed: the device, the officer, when it ran, how late it was imported.
 */
public record RecordingLink(UUID recordingId, UUID activityId, UUID deviceId, UUID officerId, Instant recordedAt,
		Instant recordedEnd, Long lateMinutes, String confirmedBy, Instant confirmedAt) {

	/** When the recording stopped: its end, else its start when the file told no end. */
	Instant stoppedAt() {
		return recordedEnd != null ? recordedEnd : recordedAt;
	}
}
