package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An activity or a recording to be kept long-term (and burned to disc) because a trigger of the
 * agency's regulation applies (RET-3), with the article.
 */
public record LongTermMark(UUID id, String agency, Subject subjectType, UUID subjectId, String trigger, String cite,
		String note, String markedBy, Instant markedAt) {

	/** What is marked; stored, shown and named in the ledger by its code. */
	public enum Subject {

		ACTIVITY("activity"), RECORDING("recording");

		private final String code;

		Subject(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return code;
		}

		static Subject fromCode(String code) {
			return code.equals(ACTIVITY.code) ? ACTIVITY : RECORDING;
		}
	}
}
