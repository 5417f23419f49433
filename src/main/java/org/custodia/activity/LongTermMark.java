package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * An activity or a recording to be kept long-term (and burned to disc) because a trigger of the
 * agency's regulation applies (RET-3), with the article; {@code subjectType} is {@code activity} or {@code recording}.
 */
public record LongTermMark(UUID id, String agency, String subjectType, UUID subjectId, String trigger, String cite,
		String note, String markedBy, Instant markedAt) {
}
