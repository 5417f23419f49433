package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every reason of Custodia's own defaults that the code cites has its Chinese text, and the Chinese texts
 * carry no English word: a Chinese page never shows the English reason. (The policy files' reasons are
 * checked when they are read.)
 */
class CustodiaReasonsTests {

	/** A string literal that starts with "custodia: ", and the literals concatenated to it. */
	private static final Pattern CITED = Pattern.compile("\"custodia: ((?:[^\"\\\\]|\\\\.)*)\"((?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*)");

	private static final Pattern PART = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Test
	void everyReasonTheCodeCitesHasItsChineseText() throws IOException {
		List<String> reasons = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
				Matcher cited = CITED.matcher(Files.readString(source));
				while (cited.find()) {
					StringBuilder reason = new StringBuilder(cited.group(1));
					Matcher part = PART.matcher(cited.group(2));
					while (part.find()) {
						reason.append(part.group(1));
					}
					if (!reason.isEmpty()) {
						reasons.add(reason.toString().replace("\\\"", "\""));
					}
				}
			}
		}
		assertThat(reasons).hasSizeGreaterThan(10);
		assertThat(reasons).allSatisfy(reason -> assertThat(CustodiaReasons.shipped().known(reason)).as(reason).isTrue());
	}

	@Test
	void theChineseReasonsHaveNoEnglishWords() throws IOException {
		String file = new String(CustodiaReasons.class.getResourceAsStream(CustodiaReasons.FILE).readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		Matcher chinese = Pattern.compile("(?m)^  zh: \"(.*)\"$").matcher(file);
		int count = 0;
		while (chinese.find()) {
			count++;
			assertThat(chinese.group(1)).doesNotContainPattern("[A-Za-z]{3,}");
		}
		assertThat(count).isGreaterThan(30);
		assertThat(CustodiaReasons.shipped().in("account security", Locale.SIMPLIFIED_CHINESE)).isPresent();
	}
}
