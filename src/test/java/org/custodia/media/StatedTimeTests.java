package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatedTimeTests {

	@Test
	void takesTheInstantFromAnExifOffsetTag() {
		StatedTime time = StatedTime.of("2019:09:06 05:25:39", "+08:00", "EXIF:DateTimeOriginal");

		assertThat(time.asStated()).isEqualTo("2019-09-06T05:25:39");
		assertThat(time.offset()).isEqualTo("+08:00");
		assertThat(time.instant()).isEqualTo(Instant.parse("2019-09-05T21:25:39Z"));
	}

	@Test
	void takesTheMovieHeaderTimeAsTheUtcItIsByDefinition() {
		StatedTime time = StatedTime.of("2005-10-28T17:46:46.000000Z", "QuickTime:CreateDate");

		assertThat(time.asStated()).isEqualTo("2005-10-28T17:46:46");
		assertThat(time.offset()).isEqualTo("+00:00");
		assertThat(time.instant()).isEqualTo(Instant.parse("2005-10-28T17:46:46Z"));
	}

	@Test
	void readsOffsetsWrittenInTheTimeItself() {
		StatedTime apple = StatedTime.of("2026-11-23T09:00:00+0800", "Keys:CreationDate");
		StatedTime xmp = StatedTime.of("2026:11:23 09:00:00+08:00", "XMP:CreateDate");
		StatedTime minutes = StatedTime.of("2026-11-23T09:00-05:00", "XMP:CreateDate");

		assertThat(apple.offset()).isEqualTo("+08:00");
		assertThat(apple.instant()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
		assertThat(xmp.instant()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
		assertThat(minutes.asStated()).isEqualTo("2026-11-23T09:00");
		assertThat(minutes.instant()).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
	}

	@Test
	void keepsADateOrYearAloneAndDropsZeroOrBlankDates() {
		assertThat(StatedTime.of("2020-08-28", "RIFF:DateCreated").asStated()).isEqualTo("2020-08-28");
		assertThat(StatedTime.of("2004", "ID3:Year").asStated()).isEqualTo("2004");
		assertThat(StatedTime.of("2026-11-23 09:00", "ID3:RecordingTime").asStated()).isEqualTo("2026-11-23T09:00");
		assertThat(StatedTime.of("0000:00:00 00:00:00", "QuickTime:CreateDate")).isNull();
		assertThat(StatedTime.of("    :  :     :  :  ", "EXIF:DateTimeOriginal")).isNull();
		assertThat(StatedTime.of("2019:04:04 10:04:12", "    :  ", "EXIF:DateTimeOriginal").offset()).isNull();
	}

	@Test
	void joinsADateWithATimeOfDayStoredApart() {
		assertThat(StatedTime.combined("2019-09-06", "05-25-39", "RIFF:DateTimeOriginal").asStated())
			.isEqualTo("2019-09-06T05:25:39");
		assertThat(StatedTime.combined("2005-08-08", "garbled", "Composite:DateTimeOriginal").asStated())
			.isEqualTo("2005-08-08");
	}
}
