package org.custodia.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * How a moment reads for a person: always in the agencies' zone ({@code custodia.time-zone}), whatever
 * zone the server or the database runs in. Pages use {@code ${@times.minute(instant)}}, {@code second} or
 * {@code day}; printed documents the same methods.
 */
@Component("times")
public class ShownTimes {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

	private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

	private final ZoneId zone;

	public ShownTimes(Clock clock) {
		this.zone = clock.getZone();
	}

	public ZoneId zone() {
		return zone;
	}

	/** "2026-12-08 09:30"; empty when there is no moment. */
	public String minute(Instant instant) {
		return format(instant, MINUTE);
	}

	/** "2026-12-08 09:30:15"; empty when there is no moment. */
	public String second(Instant instant) {
		return format(instant, SECOND);
	}

	/** "2026-12-08"; empty when there is no moment. */
	public String day(Instant instant) {
		return format(instant, DAY);
	}

	/** "09:30:15", the time of day alone, where the day is shown beside it; empty when there is no moment. */
	public String timeOfDay(Instant instant) {
		return format(instant, TIME_OF_DAY);
	}

	/** "09:30"; empty when there is no moment. */
	public String hourMinute(Instant instant) {
		return format(instant, HOUR_MINUTE);
	}

	private String format(Instant instant, DateTimeFormatter pattern) {
		return instant == null ? "" : pattern.format(instant.atZone(zone));
	}
}
