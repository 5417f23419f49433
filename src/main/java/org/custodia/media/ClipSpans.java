package org.custodia.media;

import java.math.BigDecimal;
import java.util.Map;

import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;

/** The spans a clip may be asked for: inside the recording, ending after they start; refusals say the times in seconds. */
final class ClipSpans {

	static final String RULE = "custodia: a clip lies within its recording and ends after it starts";

	/** How far past the end a span may reach: the form rounds the player's end, which may be a frame or so longer. */
	private static final long END_SLACK_MILLIS = 500;

	private ClipSpans() {
	}

	static void check(long fromMillis, long toMillis, Long durationMillis) {
		if (fromMillis < 0) {
			throw refused("error.clip-before-start", seconds(fromMillis));
		}
		if (toMillis <= fromMillis) {
			throw refused("error.clip-backwards", seconds(fromMillis), seconds(toMillis));
		}
		if (durationMillis != null && durationMillis > 0 && fromMillis >= durationMillis) {
			throw refused("error.clip-after-end", seconds(fromMillis), seconds(durationMillis));
		}
		if (durationMillis != null && durationMillis > 0 && toMillis > durationMillis + END_SLACK_MILLIS) {
			throw refused("error.clip-past-end", seconds(toMillis), seconds(durationMillis));
		}
	}

	/** Seconds with at least one decimal, as the player's clip form takes them: 5000 ms reads 5.0. */
	static String seconds(long millis) {
		BigDecimal seconds = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
		return seconds.scale() < 1 ? seconds.setScale(1).toPlainString() : seconds.toPlainString();
	}

	private static CustodiaException refused(String key, Object... arguments) {
		return new CustodiaException(HttpStatus.BAD_REQUEST, key, RULE, Map.of(), arguments);
	}
}
