package org.custodia.recording;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.custodia.media.MediaFacts;
import org.custodia.media.StatedTime;

/**
 * When a recording was made, chosen among every time the file and its device give (the claims), each
 * kept with its source: the times the media states (with an offset, UTC by its format's definition,
 * or local and read in the agency's zone: devices are set to local time), the time in its file name, and
 * last the file's modification time, which a device sets when it closes the file, i.e. the end of
 * recording. Also whether the claims point at a wrong device clock (DEV-3) or disagree among themselves.
 *
 * @param source what the start rests on: {@code media-offset} (a time with its offset or UTC),
 *        {@code media-local}, {@code file-name}, {@code file-time}
 * @param reason why that claim was chosen, one of the {@code REASON_*} codes
 * @param claims every claim, the chosen one marked, each with how far it lies from the choice
 */
public record RecordingTimes(Instant start, Instant end, String source, String reason, List<Claim> claims) {

	/** The file states the time with its UTC offset (EXIF OffsetTime*, XMP, Apple's creation date). */
	static final String REASON_OFFSET = "offset-stated";

	/** The container's time, UTC by its format's definition (QuickTime/MP4 movie header), agreeing with the rest. */
	static final String REASON_UTC = "utc-by-format";

	/** The container's "UTC" time is the local time of the file name: the camera writes local time there. */
	static final String REASON_UTC_WRITTEN_LOCAL = "utc-written-as-local";

	/** A local time the file states without an offset, read in the agency's zone. */
	static final String REASON_LOCAL = "local-in-agency-zone";

	/** Only the satellite time (UTC) states when: a fix may be older than the picture. */
	static final String REASON_GPS = "gps-only";

	static final String REASON_FILE_NAME = "file-name";

	static final String REASON_FILE_TIME = "file-time";

	/** The finding of times that disagree among themselves. */
	static final String SOURCES_DISAGREE = "sources-disagree";

	static final String SOURCE_FILE_NAME = "FileName";

	static final String SOURCE_FILE_TIME = "FileModifyDate";

	static final RecordingTimes UNKNOWN = new RecordingTimes(null, null, null, null, List.of());

	/** A device clock more than this ahead of the workstation's is wrong, not merely a little off. */
	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(10);

	/** A claim this far before the copy means a reset clock more often than a forgotten card. */
	static final Duration FAR_FROM_COPY = Duration.ofDays(30);

	/** Claims further apart than this disagree: more than a slow write or a file closed a little late. */
	static final Duration AGREEMENT = Duration.ofMinutes(2);

	/** Times that are UTC by the definition of where they are kept, whatever the camera meant. */
	private static final Set<String> UTC_BY_DEFINITION = Set.of("QuickTime:CreateDate");

	private static final Set<String> GPS = Set.of("Composite:GPSDateTime");

	/**
	 * One time a recording gives for itself.
	 *
	 * @param source where it is kept ("EXIF:DateTimeOriginal", "QuickTime:CreateDate", "FileName", "FileModifyDate")
	 * @param asStated the time as kept there, local form, or a date or year alone
	 * @param offset the offset stated with it, null when read in the agency's zone or not a time of day
	 * @param at the instant it claims, null for a date or year alone
	 * @param end true when it claims the end of recording (the file's modification time)
	 * @param chosen true for the claim the recording's time rests on
	 * @param differsSeconds how far it lies from the chosen time, comparing like with like (start or end); null when not comparable
	 */
	public record Claim(String source, String asStated, String offset, Instant at, boolean end, boolean chosen,
			Long differsSeconds) {

		/** Whether this claim lies too far from the chosen time to be the same moment. */
		@JsonProperty("disagrees")
		public boolean disagrees() {
			return differsSeconds != null && Math.abs(differsSeconds) > AGREEMENT.toSeconds();
		}

		Claim choose() {
			return new Claim(source, asStated, offset, at, end, true, 0L);
		}

		Claim differing(Long seconds) {
			return new Claim(source, asStated, offset, at, end, chosen, seconds);
		}
	}

	public RecordingTimes {
		claims = List.copyOf(claims);
	}

	public static RecordingTimes of(MediaFacts media, NameFacts name, Instant modified, ZoneId zone) {
		Duration length = media.durationMillis() == null ? null : Duration.ofMillis(media.durationMillis());
		List<Claim> claims = new ArrayList<>();
		for (StatedTime stated : statedTimes(media)) {
			claims.add(claim(stated, zone));
		}
		if (name.time() != null) {
			claims.add(new Claim(SOURCE_FILE_NAME, name.time().toString(), null, name.time().atZone(zone).toInstant(),
					false, false, null));
		}
		if (modified != null) {
			claims.add(new Claim(SOURCE_FILE_TIME, null, null, modified, true, false, null));
		}
		Choice choice = choose(claims, length, zone);
		if (choice == null) {
			return claims.isEmpty() ? UNKNOWN : new RecordingTimes(null, null, null, null, claims);
		}
		Instant start = choice.start();
		Instant end = choice.claim().end() ? choice.claim().at() : length == null ? null : start.plus(length);
		List<Claim> compared = new ArrayList<>();
		for (Claim claim : claims) {
			if (claim == choice.claim()) {
				compared.add(claim.choose());
				continue;
			}
			Claim differing = claim.differing(difference(claim, start, end));
			if (differing.disagrees() && SOURCE_FILE_TIME.equals(claim.source())) {
				differing = asWallClock(differing, zone, start, end);
			}
			compared.add(differing);
		}
		return new RecordingTimes(start, end, choice.source(), choice.reason(), compared);
	}

	private record Choice(Claim claim, Instant start, String source, String reason) {
	}

	private static Choice choose(List<Claim> claims, Duration length, ZoneId zone) {
		for (Claim claim : claims) {
			if (isMedia(claim) && claim.offset() != null && !UTC_BY_DEFINITION.contains(claim.source())
					&& !GPS.contains(claim.source()) && claim.at() != null) {
				return new Choice(claim, claim.at(), "media-offset", REASON_OFFSET);
			}
		}
		for (Claim claim : claims) {
			if (UTC_BY_DEFINITION.contains(claim.source()) && claim.offset() != null && claim.at() != null) {
				Instant asLocal = localDateTime(claim.asStated()).atZone(zone).toInstant();
				// A camera that writes its local time where UTC belongs is found by its own file name or local tags.
				boolean writtenLocal = claims.stream()
					.anyMatch(other -> other != claim && !other.end() && other.offset() == null && other.at() != null
							&& within(other.at(), asLocal) && !within(other.at(), claim.at()));
				if (writtenLocal) {
					Claim local = new Claim(claim.source(), claim.asStated(), null, asLocal, false, false, null);
					claims.set(claims.indexOf(claim), local);
					return new Choice(local, asLocal, "media-local", REASON_UTC_WRITTEN_LOCAL);
				}
				return new Choice(claim, claim.at(), "media-offset", REASON_UTC);
			}
		}
		for (Claim claim : claims) {
			if (isMedia(claim) && claim.offset() == null && claim.at() != null) {
				return new Choice(claim, claim.at(), "media-local", REASON_LOCAL);
			}
		}
		for (Claim claim : claims) {
			if (GPS.contains(claim.source()) && claim.at() != null) {
				return new Choice(claim, claim.at(), "media-offset", REASON_GPS);
			}
		}
		for (Claim claim : claims) {
			if (SOURCE_FILE_NAME.equals(claim.source())) {
				return new Choice(claim, claim.at(), "file-name", REASON_FILE_NAME);
			}
		}
		for (Claim claim : claims) {
			if (SOURCE_FILE_TIME.equals(claim.source())) {
				return new Choice(claim, length == null ? null : claim.at().minus(length), "file-time", REASON_FILE_TIME);
			}
		}
		return null;
	}

	/**
	 * A memory card's FAT file system keeps local time with no zone, which the workstation may read as UTC:
	 * a file time off by exactly the agency's offset is that wall-clock time, read again in the agency's zone.
	 */
	private static Claim asWallClock(Claim fileTime, ZoneId zone, Instant start, Instant end) {
		LocalDateTime wallClock = LocalDateTime.ofInstant(fileTime.at(), java.time.ZoneOffset.UTC);
		Claim local = new Claim(fileTime.source(), wallClock.toString(), null, wallClock.atZone(zone).toInstant(), true,
				false, null);
		Claim reread = local.differing(difference(local, start, end));
		return reread.disagrees() ? fileTime : reread;
	}

	private static List<StatedTime> statedTimes(MediaFacts media) {
		if (!media.statedTimes().isEmpty() || media.createdAsStated() == null) {
			return media.statedTimes();
		}
		// facts read back from the register hold only the chosen claim of the media
		return List.of(new StatedTime(media.createdAsStated(), media.createdTag(), media.createdOffset(),
				media.createdInstant()));
	}

	private static Claim claim(StatedTime stated, ZoneId zone) {
		Instant at = stated.instant();
		LocalDateTime local = localDateTime(stated.asStated());
		if (at == null && local != null) {
			at = local.atZone(zone).toInstant();
		}
		return new Claim(stated.tag(), stated.asStated(), stated.offset(), at, false, false, null);
	}

	private static boolean isMedia(Claim claim) {
		return !SOURCE_FILE_NAME.equals(claim.source()) && !SOURCE_FILE_TIME.equals(claim.source());
	}

	private static boolean within(Instant one, Instant other) {
		return Duration.between(one, other).abs().compareTo(AGREEMENT) <= 0;
	}

	private static Long difference(Claim claim, Instant start, Instant end) {
		if (claim.at() == null) {
			return null;
		}
		Instant against = claim.end() ? (end != null ? end : start) : start;
		return against == null ? null : Duration.between(against, claim.at()).toSeconds();
	}

	/** When the recording is known to have been made: its start, else its end. */
	public Instant recordedAt() {
		return start != null ? start : end;
	}

	/** The moment the import deadline counts from: the end of the activity as the file shows it. */
	public Instant finished() {
		return end != null ? end : start;
	}

	/** The claim the recording's time rests on, when there is one. */
	public Claim chosen() {
		return claims.stream().filter(Claim::chosen).findFirst().orElse(null);
	}

	/**
	 * What the claimed times say about the device's clock, or null when they look right: ahead of the
	 * workstation, far before the copy, or the file's own times disagreeing with each other.
	 */
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
		if (claims.stream().anyMatch(claim -> claim.disagrees() && !GPS.contains(claim.source()))) {
			return SOURCES_DISAGREE;
		}
		return null;
	}

	/**
	 * Whether a finding points at the device's clock, to note on the device: times that disagree among
	 * themselves are the recording's (a file copied once has a new file time), not the device's.
	 */
	public static boolean concernsTheDevice(String clockFinding) {
		return clockFinding != null && !SOURCES_DISAGREE.equals(clockFinding);
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
