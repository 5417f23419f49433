package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Gaps between consecutive recordings: file splits are no interruption, a pause is, an explanation clears it. */
class InterruptionsTests {

	static final UUID ACTIVITY = UUID.randomUUID();

	@Test
	void aPauseOverAMinuteBetweenConsecutiveRecordingsIsAnInterruption() {
		RecordingLink first = link("01:00:00", "01:10:00");
		RecordingLink split = link("01:10:02", "01:20:00");
		RecordingLink unknownEnd = link("01:30:00", null);
		RecordingLink last = link("01:30:50", "01:45:00");
		List<Interruption> gaps = Interruptions.gaps(List.of(first, split, unknownEnd, last), List.of(), "002 art. 11");
		assertThat(gaps).singleElement().satisfies(gap -> {
			assertThat(gap.afterRecordingId()).isEqualTo(split.recordingId());
			assertThat(gap.beforeRecordingId()).isEqualTo(unknownEnd.recordingId());
			assertThat(gap.seconds()).isEqualTo(600);
			assertThat(gap.explained()).isFalse();
			assertThat(gap.cite()).isEqualTo("002 art. 11");
		});
	}

	@Test
	void anExplanationIsMatchedByTheRecordingBeforeTheGap() {
		RecordingLink first = link("01:00:00", "01:10:00");
		RecordingLink second = link("01:40:00", "01:50:00");
		Interruption explanation = new Interruption(ACTIVITY, first.recordingId(), null, null, null, 0, "low-battery", "换电池",
				"officer", Instant.parse("2026-11-02T03:00:00Z"), "001 art. 12");
		assertThat(Interruptions.gaps(List.of(first, second), List.of(explanation), "001 art. 12"))
			.singleElement()
			.satisfies(gap -> {
				assertThat(gap.explained()).isTrue();
				assertThat(gap.reasonCode()).isEqualTo("low-battery");
				assertThat(gap.seconds()).isEqualTo(1800);
			});
	}

	@Test
	void recordingsWithoutATimeAreLeftOut() {
		RecordingLink untimed = new RecordingLink(UUID.randomUUID(), ACTIVITY, null, null, null, null, null, "o", Instant.EPOCH);
		assertThat(Interruptions.gaps(List.of(untimed, link("01:00:00", "01:10:00")), List.of(), "cite")).isEmpty();
	}

	private static RecordingLink link(String start, String end) {
		return new RecordingLink(UUID.randomUUID(), ACTIVITY, null, null, Instant.parse("2026-11-02T" + start + "Z"),
				end == null ? null : Instant.parse("2026-11-02T" + end + "Z"), null, "officer", Instant.EPOCH);
	}
}
