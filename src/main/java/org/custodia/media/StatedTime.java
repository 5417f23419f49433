package org.custodia.media;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A creation time as an original states it, in ISO local form, with the offset only when the file
 * states one. A trailing "Z" is UTC: FFmpeg prints QuickTime's movie-header {@code creation_time} so,
 * and that time is UTC by the format's definition. Some cameras write local time there all the same;
 * that is found by holding it to the file's other claims, not by disbelieving the format here.
 *
 * @param asStated the time as the file holds it, ISO local form, or a date or year alone
 * @param tag where the file holds it, as exiftool names it ("EXIF:DateTimeOriginal", "QuickTime:CreateDate")
 * @param offset the UTC offset the file states for it ("+08:00", "+00:00" for a time UTC by definition), else null
 * @param instant the instant, when the offset is stated
 */
public record StatedTime(String asStated, String tag, String offset, Instant instant) {

	private static final Pattern DATE_TIME = Pattern
		.compile("^(\\d{4})[:-](\\d{2})[:-](\\d{2})(?:[ T](\\d{2})([:-])(\\d{2})(?:\\5(\\d{2}))?)?");

	private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})$");

	private static final Pattern YEAR = Pattern.compile("^\\d{4}$");

	/** A date, or date and time, in EXIF, ISO or FFmpeg form; null when blank or zero ("0000:00:00 00:00:00"). */
	static StatedTime of(String text, String tag) {
		return of(text, null, tag);
	}

	/** As {@link #of(String, String)}, with an offset stated in a separate tag (EXIF OffsetTimeOriginal). */
	static StatedTime of(String text, String offsetText, String tag) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		if (YEAR.matcher(trimmed).matches()) {
			return trimmed.equals("0000") ? null : new StatedTime(trimmed, tag, null, null);
		}
		Matcher matcher = DATE_TIME.matcher(trimmed);
		if (!matcher.find() || matcher.group(1).equals("0000")) {
			return null;
		}
		String date = matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3);
		if (matcher.group(4) == null) {
			return new StatedTime(date, tag, null, null);
		}
		// ID3v2.3's TIME and some recorders state hours and minutes alone
		String local = date + "T" + matcher.group(4) + ":" + matcher.group(6)
				+ (matcher.group(7) == null ? "" : ":" + matcher.group(7));
		String offset = offset(offsetText != null ? offsetText.trim() : trimmed.substring(matcher.end()));
		return new StatedTime(local, tag, offset, instant(local, offset));
	}

	/** A date and a separately stored time of day, as RIFF bext and exif lists keep them. */
	static StatedTime combined(String date, String time, String tag) {
		StatedTime day = of(date, tag);
		if (day == null || time == null || day.asStated().length() != 10) {
			return day;
		}
		StatedTime joined = of(day.asStated() + " " + time.trim(), tag);
		return joined != null ? joined : day;
	}

	private static String offset(String rest) {
		if (rest.matches("(?:\\.\\d*)?Z")) {
			return "+00:00";
		}
		Matcher matcher = OFFSET.matcher(rest);
		if (rest.isEmpty() || !matcher.find()) {
			return null;
		}
		return matcher.group(1) + matcher.group(2) + ":" + matcher.group(3);
	}

	private static Instant instant(String local, String offset) {
		if (offset == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(local).toInstant(ZoneOffset.of(offset));
		}
		catch (DateTimeException ex) {
			return null;
		}
	}
}
