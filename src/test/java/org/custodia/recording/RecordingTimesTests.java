package org.custodia.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.custodia.media.MediaFacts;
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

	private static RecordingTimes at(Instant modified) {
		return RecordingTimes.of(media(null, null, null, null), NO_NAME, modified, SHANGHAI);
	}

	private static MediaFacts media(String stated, String offset, Instant instant, Long durationMillis) {
		return new MediaFacts("mov,mp4", durationMillis, stated, stated == null ? null : "QuickTime:CreateDate", offset,
				instant, null, null, null, null, null, null, null, null, null, null, null, null, null, java.util.List.of(), null, null);
	}
}
