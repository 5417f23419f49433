package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a reviewer heard on a recording (REC-5): whether the start statement (001 art. 8) and the
 * notification sentence (001 art. 9, 002 art. 8) were spoken; null where not judged.
 * {@code method} says how it was judged: by a person until a speech check does it.
 */
public record StatementReview(UUID id, UUID activityId, UUID recordingId, Boolean startStatement, Boolean notification,
		Method method, String note, String reviewedBy, Instant reviewedAt) {

	/** How a review was made; stored and shown by its code. */
	public enum Method {

		MANUAL("manual");

		private final String code;

		Method(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return code;
		}

		static Method fromCode(String code) {
			for (Method method : values()) {
				if (method.code.equals(code)) {
					return method;
				}
			}
			throw new IllegalArgumentException("unknown review method: " + code);
		}
	}
}
