package org.custodia.access;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One line of the access register (查阅登记簿, ACC-1): who saw, copied, printed, received or publicly used
 * which recording, for whom, why, when, approved by whom and under which article.
 */
public record AccessRegisterEntry(UUID id, String agency, Instant at, Kind kind, UUID recordingId,
		String recordingName, String person, UUID personId, String forWhom, String reason, UUID requestId,
		String requestNumber, String approvedBy, String cite, String registeredBy, UUID derivedId) {

	public enum Kind {

		/** Watched within an approved request. */
		VIEW,
		/** Watched directly where a regulation allows it (001-access art. 4: the case handler). */
		DIRECT_VIEW,
		/** A watermarked copy made for a request. */
		COPY,
		/** A watermarked still made for a request (a printed still is a copy). */
		PRINT,
		/** A copy handed over to whom it was made for. */
		RELEASE,
		/** Public use approved. */
		PUBLIC_USE;

		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}
}
