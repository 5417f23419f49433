package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.custodia.shared.HumanUnits;
import org.custodia.shared.ShownTimes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Ledger entries read in the reader's words: every action the code appends has its words in both languages,
 * and a payload becomes labelled fields with moments in the agencies' zone and codes in words.
 */
class LedgerWordsTests {

	private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

	private final ResourceBundleMessageSource messages = messages();

	private final LedgerWords words = new LedgerWords(messages,
			new ShownTimes(Clock.fixed(Instant.parse("2026-12-08T00:00:00Z"), ZoneId.of("Asia/Shanghai"))),
			new HumanUnits(messages), new Citations(messages, CitationsTests.documents(Map.of(
					"002", new String[] { "丰南区医疗保障局执法音像记录管理制度", "管理制度" }))));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void everyActionTheCodeAppendsHasWordsInBothLanguages() throws IOException {
		Set<String> actions = LedgerActionsInSource.under(Path.of("src/main/java"));

		assertThat(actions).as("the scan follows constants, helpers and enums")
			.contains("recording.ingested", "recording.officer-corrected", "media.clip-requested", "access.withdrawn",
					"device.retired", "device.clock-suspect", "retention.disposal-rejected", "user.roles-unconfirmed")
			.hasSizeGreaterThan(70);
		assertThat(actions).allSatisfy(action -> {
			assertThat(messages.getMessage("ledger.action." + action, null, null, Locale.SIMPLIFIED_CHINESE))
				.as("Chinese words for " + action).isNotNull().doesNotContainPattern("[A-Za-z]{3,}");
			assertThat(messages.getMessage("ledger.action." + action, null, null, Locale.ENGLISH))
				.as("English words for " + action).isNotNull().doesNotContainPattern("\\p{IsHan}");
		});
	}

	@Test
	void everyPayloadKeyTheCodeWritesHasALabelInBothLanguages() throws IOException {
		Set<String> keys = LedgerActionsInSource.payloadKeysUnder(Path.of("src/main/java"));

		assertThat(keys).contains("file", "device", "sha256", "late", "officer", "timeReason", "storeKey").hasSizeGreaterThan(100);
		assertThat(keys).allSatisfy(key -> {
			assertThat(messages.getMessage("ledger.payload." + key, null, null, Locale.SIMPLIFIED_CHINESE))
				.as("Chinese label for " + key).isNotNull().doesNotContainPattern("[A-Za-z]{3,}");
			assertThat(messages.getMessage("ledger.payload." + key, null, null, Locale.ENGLISH))
				.as("English label for " + key).isNotNull();
		});
	}

	@Test
	void anImportReadsAsLabelledFieldsInChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		String payload = "{\"deadline\":\"2026-11-23T16:00:00Z\",\"device\":\"DSJ-007\",\"file\":\"20261123_0930.mp4\","
				+ "\"late\":\"95 min\",\"sha256\":\"" + SHA256 + "\",\"size\":2048,\"timeReason\":\"offset-stated\","
				+ "\"type\":\"video/mp4\",\"key\":\"fengnan-medins/9f/86/" + SHA256 + ".mp4\",\"unreadable\":\"corrupt\",\"deadlineCite\":\"002 art. 9\",\"mystery\":\"x\"}";

		List<LedgerWords.Field> fields = words.fields(payload);

		assertThat(words.action("recording.ingested")).isEqualTo("导入音像记录");
		assertThat(fields).extracting(LedgerWords.Field::label, LedgerWords.Field::value).contains(
				tuple("导入期限", "2026-11-24 00:00:00"),
				tuple("设备", "DSJ-007"),
				tuple("文件", "20261123_0930.mp4"),
				tuple("导入时限", "迟延 1 小时 35 分钟"),
				tuple("哈希值", "9f86d081884c…"),
				tuple("存储位置", "9f86d081884c…"),
				tuple("大小", "2.0 KB"),
				tuple("时间依据", "文件自带时区"),
				tuple("文件类型", "视频"),
				tuple("无法读取", "文件已损坏"),
				tuple("期限依据", "《管理制度》第九条"),
				tuple("其他", "x"));
		assertThat(fields).filteredOn(field -> field.label().equals("哈希值")).singleElement()
			.extracting(LedgerWords.Field::valueTitle).isEqualTo(SHA256);
		assertThat(fields).filteredOn(field -> field.label().equals("其他")).singleElement()
			.extracting(LedgerWords.Field::labelTitle).isEqualTo("mystery");
		assertThat(words.fields("{\"late\":\"no\",\"demo\":true}")).extracting(LedgerWords.Field::value)
			.containsExactly("按时", "是");
	}

	@Test
	void anEntryReadsInEnglishForAnEnglishReader() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		assertThat(words.action("recording.ingested")).isEqualTo("Recording imported");
		assertThat(words.actor("system:media")).isEqualTo("system");
		assertThat(words.fields("{\"file\":\"a.mp4\",\"late\":\"no\"}")).extracting(LedgerWords.Field::label, LedgerWords.Field::value)
			.containsExactly(tuple("File", "a.mp4"), tuple("Import timeliness", "on time"));
	}

	@Test
	void anActionWithoutWordsAndASystemJobReadInChinese() {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

		assertThat(words.action("something.new")).isEqualTo("其他事项");
		assertThat(words.actor("system:media")).isEqualTo("系统");
		assertThat(words.actor("custodian")).isEqualTo("custodian");
		assertThat(words.fields("{}")).isEmpty();
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
