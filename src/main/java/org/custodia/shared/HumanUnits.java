package org.custodia.shared;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Lengths of time and file sizes as people say them: "迟延 2 天 16 小时", not 3,877,510 minutes; a
 * recording's playing time as a player shows it ("1:02:03", "0:45"); "1.2 GB", not a count of bytes.
 * The one place pages, printed documents and the command line take these words from. Templates use
 * {@code ${@units.span(minutes)}}, {@code playingTime(millis)}, {@code fileSize(bytes)} in the reader's
 * language; a PDF or the command line names its language.
 */
@Component("units")
public class HumanUnits {

	private static final long HOUR = 60;

	private static final long DAY = 24 * HOUR;

	private static final String[] SIZES = { "KB", "MB", "GB", "TB", "PB" };

	private final MessageSource messages;

	public HumanUnits(MessageSource messages) {
		this.messages = messages;
	}

	/** A span of whole minutes in the reader's language; null stays null (nothing to say). */
	public String span(Long minutes) {
		return minutes == null ? null : span(minutes, LocaleContextHolder.getLocale());
	}

	/**
	 * Under an hour "N 分钟"; under a day "N 小时 M 分钟"; else "N 天 M 小时", a zero part left out. A
	 * negative span is refused: lateness is either none or some, and an early import is on time.
	 */
	public String span(long minutes, Locale locale) {
		if (minutes < 0) {
			throw new IllegalArgumentException("a span of time is not negative: " + minutes + " minutes");
		}
		if (minutes == 0) {
			return text("units.under-a-minute", locale);
		}
		if (minutes < HOUR) {
			return text("units.minutes", locale, minutes);
		}
		if (minutes < DAY) {
			long rest = minutes % HOUR;
			return rest == 0 ? text("units.hours", locale, minutes / HOUR)
					: text("units.hours-minutes", locale, minutes / HOUR, rest);
		}
		long hours = minutes % DAY / HOUR;
		return hours == 0 ? text("units.days", locale, minutes / DAY) : text("units.days-hours", locale, minutes / DAY, hours);
	}

	/** A pause in seconds: "45 秒" under a minute, else as {@link #span(long, Locale)} says the whole minutes. */
	public String seconds(long seconds) {
		return seconds(seconds, LocaleContextHolder.getLocale());
	}

	public String seconds(long seconds, Locale locale) {
		if (seconds < 0) {
			throw new IllegalArgumentException("a span of time is not negative: " + seconds + " seconds");
		}
		return seconds < 60 ? text("units.seconds", locale, seconds) : span(seconds / 60, locale);
	}

	/** A recording's playing time as players show it, to the nearest second; null stays null. */
	public String playingTime(Long millis) {
		return millis == null ? null : clock(millis);
	}

	/** "1:02:03" from an hour on, "0:45" under it. */
	public static String clock(long millis) {
		if (millis < 0) {
			throw new IllegalArgumentException("a playing time is not negative: " + millis + " ms");
		}
		long seconds = Math.round(millis / 1000.0);
		long hours = seconds / 3600;
		long minutes = seconds % 3600 / 60;
		return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, seconds % 60)
				: String.format(Locale.ROOT, "%d:%02d", minutes, seconds % 60);
	}

	/** A file's size in the reader's language; null stays null. */
	public String fileSize(Long bytes) {
		return bytes == null ? null : fileSize(bytes, LocaleContextHolder.getLocale());
	}

	/**
	 * "350 KB", "1.2 GB" in units of 1,024 as file managers count them; one decimal under ten units, whole
	 * units above; under a kilobyte the bytes themselves.
	 */
	public String fileSize(long bytes, Locale locale) {
		if (bytes < 0) {
			throw new IllegalArgumentException("a file size is not negative: " + bytes);
		}
		if (bytes < 1024) {
			return text("units.bytes", locale, bytes);
		}
		double size = bytes;
		int unit = -1;
		do {
			size /= 1024;
			unit++;
		}
		while (size >= 1023.5 && unit < SIZES.length - 1);
		String number = size < 9.95 ? String.format(Locale.ROOT, "%.1f", size)
				: String.format(Locale.ROOT, "%d", Math.round(size));
		return number + " " + SIZES[unit];
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}
}
