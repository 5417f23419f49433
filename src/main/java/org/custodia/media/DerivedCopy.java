package org.custodia.media;

import java.time.Instant;
import java.util.UUID;

/** A copy derived from an original, from its request to the stored file with its own hash (or the problem). */
public record DerivedCopy(UUID id, UUID recordingId, String agency, Kind kind, State state, String storeKey,
		String sha256, Long size, String contentType, Long fromMillis, Long toMillis, Long actualFromMillis,
		Long actualToMillis, String madeBy, String madeFor, String requestRef, String problem, Instant requestedAt, Instant finishedAt) {

	public enum Kind {
		PROXY, CLIP, WATERMARKED, STILL
	}

	public enum State {
		PENDING, WORKING, READY, FAILED
	}

	/** The problem code of a copy not kept because it came out the original byte for byte. */
	public static final String SAME_AS_ORIGINAL = "same-as-original";

	/** Whether this copy came out the original's very bytes, so that it was not stored: the original is what plays. */
	public boolean sameAsOriginal() {
		return state == State.FAILED && SAME_AS_ORIGINAL.equals(problemCode());
	}

	/** The stable code the problem starts with, which the message bundles explain ({@code media.problem.<code>}). */
	public String problemCode() {
		if (problem == null) {
			return null;
		}
		int colon = problem.indexOf(':');
		return colon > 0 ? problem.substring(0, colon) : problem;
	}
}
