package org.custodia.recording;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Every time a recording gave for itself at import and why its time is the one chosen.
 *
 * @param reason one of RecordingTimes' reasons ("offset-stated", "utc-written-as-local", …); null for
 *        recordings imported before the claims were kept
 */
public record KnownTimes(String reason, List<RecordingTimes.Claim> claims) {

	/** Whether some claim lies too far from the chosen time to be the same moment. */
	@JsonProperty("disagree")
	public boolean disagree() {
		return claims.stream().anyMatch(RecordingTimes.Claim::disagrees);
	}
}
