package org.custodia.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.custodia.media.MediaFacts;
import org.custodia.media.StatedTime;
import org.junit.jupiter.api.Test;

class RecordingTimesTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	static final Instant IMPORTED = Instant.parse("2026-11-23T08:00:00Z");

	static final NameFacts NO_NAME = new NameFacts(null, null, false);

	@Test
	void aStatedOffsetGivesTheInstantAndTheDurationTheEnd() {
		RecordingTimes times = RecordingTimes.of(media("2026-11-23T09:00:00", "+08:00",
				Instant.parse("2026-11-23T01:00:00Z"), 90_000L), NO_NAME, null, SHANGHAI);
		assertThat(times.source()).isEqualTo("media-offset");
		assertThat(times.start()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
		assertThat(times.end()).isEqualTo(Instant.parse("2026-11-23T01:01:30Z"));
	}

	@Test
	void aLocalTimeWithoutOffsetIsReadInTheAgencysZone() {
		RecordingTimes times = RecordingTimes.of(media("2026-11-23T09:00:00", null, null, null), NO_NAME,
				Instant.parse("2026-11-23T02:00:00Z"), SHANGHAI);
		assertThat(times.source()).isEqualTo("media-local");
		assertThat(times.recordedAt()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
		assertThat(times.end()).as("no duration, no end").isNull();
	}

	@Test
	void aDateAloneIsNotATimeSoTheFileNameThenTheFileTimeDecide() {
		NameFacts named = new NameFacts("A1", LocalDateTime.parse("2026-11-22T18:30:00"), true);
		assertThat(RecordingTimes.of(media("2020-08-28", null, null, null), named, null, SHANGHAI).recordedAt())
			.isEqualTo(Instant.parse("2026-11-22T10:30:00Z"));
		RecordingTimes fileTime = RecordingTimes.of(media("2004", null, null, 60_000L), NO_NAME,
				Instant.parse("2026-11-22T10:31:00Z"), SHANGHAI);
		assertThat(fileTime.source()).isEqualTo("file-time");
		assertThat(fileTime.start()).isEqualTo(Instant.parse("2026-11-22T10:30:00Z"));
		assertThat(fileTime.end()).isEqualTo(Instant.parse("2026-11-22T10:31:00Z"));
		assertThat(RecordingTimes.of(media(null, null, null, null), NO_NAME, null, SHANGHAI)).isEqualTo(RecordingTimes.UNKNOWN);
	}

	@Test
	void theDeadlineCountsFromTheEndOfRecording() {
		RecordingTimes timed = RecordingTimes.of(media(null, null, null, null), NO_NAME, IMPORTED.minus(Duration.ofHours(23)),
				SHANGHAI);
		assertThat(timed.finished()).isEqualTo(IMPORTED.minus(Duration.ofHours(23)));
		assertThat(RecordingTimes.UNKNOWN.finished()).isNull();
	}

	@Test
	void aClockAheadOrFarFromTheCopyIsFound() {
		assertThat(at(IMPORTED.plus(Duration.ofMinutes(5))).clockFinding(IMPORTED)).isNull();
		assertThat(at(IMPORTED.plus(Duration.ofHours(2))).clockFinding(IMPORTED)).isEqualTo("future");
		assertThat(at(Instant.parse("2005-10-28T09:46:46Z")).clockFinding(IMPORTED)).isEqualTo("far-from-copy");
		assertThat(at(IMPORTED.minus(Duration.ofDays(45))).clockFinding(IMPORTED)).isEqualTo("far-from-copy");
		assertThat(at(IMPORTED.minus(Duration.ofDays(3))).clockFinding(IMPORTED)).isNull();
		assertThat(RecordingTimes.UNKNOWN.clockFinding(IMPORTED)).isNull();
	}

	@Test
	void aContainerTimeIsUtcByItsFormatAndEveryClaimIsKeptWithItsDistance() {
		// a phone's MP4: movie header 01:00 UTC, closed one minute and a half later by the device's clock
		MediaFacts mp4 = stated(90_000L, new StatedTime("2026-11-23T01:00:00", "QuickTime:CreateDate", "+00:00",
				Instant.parse("2026-11-23T01:00:00Z")));
		RecordingTimes times = RecordingTimes.of(mp4, NO_NAME, Instant.parse("2026-11-23T01:01:31Z"), SHANGHAI);

		assertThat(times.reason()).isEqualTo(RecordingTimes.REASON_UTC);
		assertThat(times.start()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
		assertThat(times.claims()).extracting(RecordingTimes.Claim::source, RecordingTimes.Claim::chosen,
				RecordingTimes.Claim::differsSeconds)
			.containsExactly(tuple("QuickTime:CreateDate", true, 0L), tuple("FileModifyDate", false, 1L));
		assertThat(times.clockFinding(IMPORTED)).isNull();
	}

	@Test
	void aCameraThatWritesLocalTimeWhereUtcBelongsIsFoundByItsFileName() {
		// a body camera names its file by local time and writes the same wall-clock time into the movie header
		MediaFacts mp4 = stated(60_000L, new StatedTime("2026-11-23T09:00:00", "QuickTime:CreateDate", "+00:00",
				Instant.parse("2026-11-23T09:00:00Z")));
		NameFacts named = new NameFacts("DSJ01", LocalDateTime.parse("2026-11-23T09:00:00"), false);

		RecordingTimes times = RecordingTimes.of(mp4, named, null, SHANGHAI);

		assertThat(times.reason()).isEqualTo(RecordingTimes.REASON_UTC_WRITTEN_LOCAL);
		assertThat(times.source()).isEqualTo("media-local");
		assertThat(times.start()).as("09:00 Beijing time, not 17:00").isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
		assertThat(times.chosen().offset()).as("not UTC after all").isNull();
		assertThat(times.clockFinding(IMPORTED)).isNull();
	}

	@Test
	void anExifOffsetWinsOverTheLocalTimeAndGpsAndDisagreeingSourcesAreFound() {
		MediaFacts photo = stated(null,
				new StatedTime("2026-11-23T07:30:00", "EXIF:DateTimeOriginal", "+01:00", Instant.parse("2026-11-23T06:30:00Z")),
				new StatedTime("2026-11-23T06:30:05", "Composite:GPSDateTime", "+00:00", Instant.parse("2026-11-23T06:30:05Z")));
		NameFacts named = new NameFacts(null, LocalDateTime.parse("2026-11-23T18:00:00"), false);

		RecordingTimes times = RecordingTimes.of(photo, named, null, SHANGHAI);

		assertThat(times.reason()).isEqualTo(RecordingTimes.REASON_OFFSET);
		assertThat(times.start()).isEqualTo(Instant.parse("2026-11-23T06:30:00Z"));
		assertThat(times.claims().get(1).disagrees()).as("GPS five seconds apart").isFalse();
		assertThat(times.claims().get(2).differsSeconds()).as("name read in Beijing time: 10:00Z")
			.isEqualTo(3 * 3600 + 30 * 60L);
		assertThat(times.clockFinding(Instant.parse("2026-11-23T08:00:00Z"))).isEqualTo("sources-disagree");
	}

	@Test
	void aCardsFileTimeKeptInLocalTimeButReadAsUtcIsReadAgainInTheAgencysZone() {
		// named 09:00 Beijing time (01:00Z), closed a minute later; FAT keeps "09:01" and Linux reads it as 09:01Z
		MediaFacts noTimes = stated(60_000L);
		NameFacts named = new NameFacts(null, LocalDateTime.parse("2026-11-23T09:00:00"), false);
		RecordingTimes times = RecordingTimes.of(noTimes, named, Instant.parse("2026-11-23T09:01:00Z"), SHANGHAI);

		RecordingTimes.Claim fileTime = times.claims().get(1);
		assertThat(fileTime.asStated()).isEqualTo("2026-11-23T09:01");
		assertThat(fileTime.at()).isEqualTo(Instant.parse("2026-11-23T01:01:00Z"));
		assertThat(fileTime.disagrees()).isFalse();
		assertThat(times.clockFinding(IMPORTED)).isNull();
		// a file time off by some other span still disagrees, as it was read
		RecordingTimes off = RecordingTimes.of(noTimes, named, Instant.parse("2026-11-23T05:00:00Z"), SHANGHAI);
		assertThat(off.claims().get(1).at()).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
		assertThat(off.clockFinding(IMPORTED)).isEqualTo("sources-disagree");
	}

	@Test
	void aSatelliteTimeAloneIsUsedAndSaidSo() {
		MediaFacts photo = stated(null,
				new StatedTime("2026-11-23T06:30:05", "Composite:GPSDateTime", "+00:00", Instant.parse("2026-11-23T06:30:05Z")));
		RecordingTimes times = RecordingTimes.of(photo, NO_NAME, null, SHANGHAI);
		assertThat(times.reason()).isEqualTo(RecordingTimes.REASON_GPS);
		assertThat(times.start()).isEqualTo(Instant.parse("2026-11-23T06:30:05Z"));
	}

	private static MediaFacts stated(Long durationMillis, StatedTime... times) {
		StatedTime first = times.length == 0 ? new StatedTime(null, null, null, null) : times[0];
		return new MediaFacts("mov,mp4", durationMillis, first.asStated(), first.tag(), first.offset(), first.instant(),
				null, null, null, null, null, null, null, null, null, null, null, null, null, java.util.List.of(times), null, null);
	}

	private static RecordingTimes at(Instant modified) {
		return RecordingTimes.of(media(null, null, null, null), NO_NAME, modified, SHANGHAI);
	}

	private static MediaFacts media(String stated, String offset, Instant instant, Long durationMillis) {
		return new MediaFacts("mov,mp4", durationMillis, stated, stated == null ? null : "QuickTime:CreateDate", offset,
				instant, null, null, null, null, null, null, null, null, null, null, null, null, null, java.util.List.of(), null, null);
	}
}
