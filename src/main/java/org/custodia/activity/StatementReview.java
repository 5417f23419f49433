package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * What a reviewer heard on a recording (REC-5): whether the start statement (001 art. 8) and the
 * notification sentence (001 art. 9, 002 art. 8) were spoken; null where not judged.
 * {@code method} is {@code manual} until a speech check does it.
 */
public record StatementReview(UUID id, UUID activityId, UUID recordingId, Boolean startStatement, Boolean notification,
		String method, String note, String reviewedBy, Instant reviewedAt) {
}
