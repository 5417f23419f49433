package org.custodia.media;

import java.time.Instant;
import java.util.List;

/**
 * What an original says about itself, read from its container and streams. Every field is null
 * when the file does not say it. Times are kept as the file states them: {@code createdAsStated}
 * is the local date-time text, {@code createdOffset} is set only when the file states a UTC offset,
 * and {@code createdInstant} only when the instant follows from the file alone.
 *
 * @param format the container as FFmpeg or the image reader names it ("mov,mp4,m4a,3gp,3g2,mj2", "jpeg", "wav")
 * @param durationMillis the playing time
 * @param createdAsStated the creation time as stored, ISO-8601 local form ("2019-09-06T05:25:39"), or a
 *        date or year alone when that is all the file holds ("2020-08-28", "2004")
 * @param createdTag where the creation time came from ("QuickTime:CreateDate", "EXIF:DateTimeOriginal", …)
 * @param createdOffset the UTC offset the file states ("+08:00"), else null
 * @param createdInstant the instant, when the file states an offset
 * @param problem why the file cannot be read as media ("empty", "truncated", "corrupt", "not-media"), else null
 * @param statedTimes every creation time the file states, each with its tag, the most trustworthy first; the
 *        {@code created*} fields repeat the first of them
 * @param streamsDurationMillis the playing time the streams themselves give, to hold the container's
 *        {@code durationMillis} to; null when they give none
 * @param problemDetail FFmpeg's own words for why it cannot read or decode the file
 *        ("Invalid data found when processing input"), else null
 */
public record MediaFacts(String format, Long durationMillis, String createdAsStated, String createdTag,
		String createdOffset, Instant createdInstant, String videoCodec, Integer width, Integer height,
		Double frameRate, String audioCodec, Integer audioChannels, Integer audioSampleRate, String make, String model,
		Double latitude, Double longitude, Double altitude, String problem, List<StatedTime> statedTimes,
		Long streamsDurationMillis, String problemDetail) {

	private static final long DURATION_SLACK_MILLIS = 2_000;

	public MediaFacts {
		statedTimes = statedTimes == null ? List.of() : List.copyOf(statedTimes);
	}

	public static MediaFacts unreadable(String problem) {
		return new MediaFacts(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, problem, List.of(), null, null);
	}

	/**
	 * True when the container's stated playing time and the streams' own differ by more than
	 * max(2 s, 10 %) of the longer: a header that lies, or a recording cut short after it was written.
	 * Flagged, never averaged: {@code durationMillis} stays the container's.
	 */
	@com.fasterxml.jackson.annotation.JsonProperty("durationDisagrees")
	public boolean durationDisagrees() {
		if (durationMillis == null || streamsDurationMillis == null) {
			return false;
		}
		long longer = Math.max(durationMillis, streamsDurationMillis);
		return Math.abs(durationMillis - streamsDurationMillis) > Math.max(DURATION_SLACK_MILLIS, longer / 10);
	}

	/**
	 * FFmpeg's words for why it cannot read the file, as a code pages can say in the reader's language
	 * ("invalid-data", "end-of-file", "nothing-decoded", "no-streams", "other"); null when it said nothing.
	 */
	public String problemReason() {
		if (problemDetail == null) {
			return null;
		}
		String words = problemDetail.toLowerCase(java.util.Locale.ROOT);
		if (words.contains("invalid data")) {
			return "invalid-data";
		}
		if (words.contains("end of file")) {
			return "end-of-file";
		}
		if (words.startsWith("no frame decoded")) {
			return "nothing-decoded";
		}
		if (words.startsWith("no audio or video stream")) {
			return "no-streams";
		}
		return "other";
	}

	/** The same facts with the maker and model that a naming scheme or the device register gives, where the file names none. */
	public MediaFacts madeBy(String maker, String deviceModel) {
		return new MediaFacts(format, durationMillis, createdAsStated, createdTag, createdOffset, createdInstant, videoCodec,
				width, height, frameRate, audioCodec, audioChannels, audioSampleRate, make != null ? make : maker,
				model != null ? model : deviceModel, latitude, longitude, altitude, problem, statedTimes,
				streamsDurationMillis, problemDetail);
	}

	public boolean readable() {
		return problem == null;
	}
}
