package org.custodia.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.custodia.media.MediaFacts;

/**
 * When a recording was made, from the best source the file offers: a time the media states with its
 * offset, a local time it states (read in the agency's zone: devices are set to local time), the
 * time in its file name, and last the file's modification time, which a device sets when it closes
 * the file, i.e. the end of recording. Also whether the claim points at a wrong device clock (DEV-3).
 */
public record RecordingTimes(Instant start, Instant end, String source) {

	static final RecordingTimes UNKNOWN = new RecordingTimes(null, null, null);

	/** A device clock more than this ahead of the workstation's is wrong, not merely a little off. */
	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

	/** A claim this far before the copy means a reset clock more often than a forgotten card. */
	static final Duration FAR_FROM_COPY = Duration.ofDays(30);

	public static RecordingTimes of(MediaFacts media, NameFacts name, Instant modified, ZoneId zone) {
		Duration length = media.durationMillis() == null ? null : Duration.ofMillis(media.durationMillis());
		Instant start = null;
		String source = null;
		if (media.createdInstant() != null) {
			start = media.createdInstant();
			source = "media-offset";
		}
		else if (localDateTime(media.createdAsStated()) != null) {
			start = localDateTime(media.createdAsStated()).atZone(zone).toInstant();
			source = "media-local";
		}
		else if (name.time() != null) {
			start = name.time().atZone(zone).toInstant();
			source = "file-name";
		}
		if (start != null) {
			return new RecordingTimes(start, length == null ? null : start.plus(length), source);
		}
		if (modified == null) {
			return UNKNOWN;
		}
		return new RecordingTimes(length == null ? null : modified.minus(length), modified, "file-time");
	}

	/** When the recording is known to have been made: its start, else its end. */
	public Instant recordedAt() {
		return start != null ? start : end;
	}

	/** The moment the import deadline counts from: the end of the activity as the file shows it. */
	public Instant finished() {
		return end != null ? end : start;
	}

	/** What the claimed time says about the device's clock, or null when it looks right. */
	public String clockFinding(Instant importedAt) {
		Instant claimed = recordedAt();
		if (claimed == null) {
			return null;
		}
		if (claimed.isAfter(importedAt.plus(FUTURE_TOLERANCE))) {
			return "future";
		}
		if (Duration.between(claimed, importedAt).compareTo(FAR_FROM_COPY) > 0) {
			return "far-from-copy";
		}
		return null;
	}

	private static LocalDateTime localDateTime(String stated) {
		if (stated == null || stated.length() < 16) {
			return null;
		}
		try {
			return LocalDateTime.parse(stated);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
