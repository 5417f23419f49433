package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Lateness, playing times and sizes in the words people use, at the edges of each rule. */
class HumanUnitsTests {

	static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final Locale ENGLISH = Locale.ENGLISH;

	private final HumanUnits units = new HumanUnits(messages());

	@Test
	void spansUnderAnHourAreMinutes() {
		assertThat(units.span(0, CHINESE)).isEqualTo("不足 1 分钟");
		assertThat(units.span(1, CHINESE)).isEqualTo("1 分钟");
		assertThat(units.span(59, CHINESE)).isEqualTo("59 分钟");
		assertThat(units.span(0, ENGLISH)).isEqualTo("less than a minute");
		assertThat(units.span(1, ENGLISH)).isEqualTo("1 minute");
		assertThat(units.span(59, ENGLISH)).isEqualTo("59 minutes");
	}

	@Test
	void spansUnderADayAreHoursAndMinutesWithoutZeroMinutes() {
		assertThat(units.span(60, CHINESE)).isEqualTo("1 小时");
		assertThat(units.span(61, CHINESE)).isEqualTo("1 小时 1 分钟");
		assertThat(units.span(1439, CHINESE)).isEqualTo("23 小时 59 分钟");
		assertThat(units.span(60, ENGLISH)).isEqualTo("1 hour");
		assertThat(units.span(121, ENGLISH)).isEqualTo("2 hours 1 minute");
		assertThat(units.span(1439, ENGLISH)).isEqualTo("23 hours 59 minutes");
	}

	@Test
	void longerSpansAreDaysAndHoursWithoutZeroHours() {
		assertThat(units.span(1440, CHINESE)).isEqualTo("1 天");
		assertThat(units.span(1440 + 59, CHINESE)).as("minutes under a whole hour are not told").isEqualTo("1 天");
		assertThat(units.span((2 * 24 + 16) * 60, CHINESE)).isEqualTo("2 天 16 小时");
		assertThat(units.span(3_877_510, CHINESE)).isEqualTo("2,692 天 17 小时");
		assertThat(units.span(1440, ENGLISH)).isEqualTo("1 day");
		assertThat(units.span((2 * 24 + 16) * 60, ENGLISH)).isEqualTo("2 days 16 hours");
		assertThat(units.span(25 * 60, ENGLISH)).isEqualTo("1 day 1 hour");
		assertThat(units.span(3_877_510, ENGLISH)).isEqualTo("2,692 days 17 hours");
	}

	@Test
	void latenessReadsAsASentenceInBothLanguages() {
		assertThat(units.span(null)).isNull();
		LocaleContextHolder.setLocale(CHINESE);
		try {
			assertThat(messages().getMessage("player.late", new Object[] { units.span(3_877_510L) }, CHINESE))
				.isEqualTo("迟延 2,692 天 17 小时");
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		assertThat(messages().getMessage("player.late", new Object[] { units.span(3840, ENGLISH) }, ENGLISH))
			.isEqualTo("2 days 16 hours late");
	}

	@Test
	void negativeSpansAreRefused() {
		assertThatThrownBy(() -> units.span(-1, CHINESE)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> units.seconds(-1, CHINESE)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> HumanUnits.clock(-1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> units.fileSize(-1, CHINESE)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void pausesUnderAMinuteAreSecondsThenLikeOtherSpans() {
		assertThat(units.seconds(0, CHINESE)).isEqualTo("0 秒");
		assertThat(units.seconds(45, CHINESE)).isEqualTo("45 秒");
		assertThat(units.seconds(59, ENGLISH)).isEqualTo("59 seconds");
		assertThat(units.seconds(1800, CHINESE)).isEqualTo("30 分钟");
		assertThat(units.seconds(3600 + 90, ENGLISH)).isEqualTo("1 hour 1 minute");
	}

	@Test
	void playingTimesReadAsOnAPlayer() {
		assertThat(HumanUnits.clock(0)).isEqualTo("0:00");
		assertThat(HumanUnits.clock(499)).isEqualTo("0:00");
		assertThat(HumanUnits.clock(4_967)).isEqualTo("0:05");
		assertThat(HumanUnits.clock(45_000)).isEqualTo("0:45");
		assertThat(HumanUnits.clock(59_600)).isEqualTo("1:00");
		assertThat(HumanUnits.clock(3_599_000)).isEqualTo("59:59");
		assertThat(HumanUnits.clock(3_600_000)).isEqualTo("1:00:00");
		assertThat(HumanUnits.clock(3_723_000)).isEqualTo("1:02:03");
		assertThat(HumanUnits.clock(30 * 3_600_000L)).isEqualTo("30:00:00");
		assertThat(units.playingTime(null)).isNull();
	}

	@Test
	void fileSizesReadAsFileManagersShowThem() {
		assertThat(units.fileSize(0, CHINESE)).isEqualTo("0 字节");
		assertThat(units.fileSize(1023, CHINESE)).isEqualTo("1,023 字节");
		assertThat(units.fileSize(1, ENGLISH)).isEqualTo("1 byte");
		assertThat(units.fileSize(1023, ENGLISH)).isEqualTo("1,023 bytes");
		assertThat(units.fileSize(1024, CHINESE)).isEqualTo("1.0 KB");
		assertThat(units.fileSize(245_779, CHINESE)).isEqualTo("240 KB");
		assertThat(units.fileSize(350 * 1024, ENGLISH)).isEqualTo("350 KB");
		assertThat(units.fileSize(1024 * 1024 - 1, CHINESE)).as("not 1024 KB").isEqualTo("1.0 MB");
		assertThat(units.fileSize(1_288_490_189L, CHINESE)).isEqualTo("1.2 GB");
		assertThat(units.fileSize(12L * 1024 * 1024 * 1024 * 1024, CHINESE)).isEqualTo("12 TB");
	}

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
