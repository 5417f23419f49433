package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The Chinese and English bundles have the same keys, each once, and every message formats. */
class MessageBundleTests {

	@Test
	void bothLanguagesHaveTheSameKeys() throws IOException {
		assertThat(load("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
	}

	/** A key given twice loses its first text without a word: another page's label changes under it. */
	@Test
	void noKeyIsGivenTwice() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + bundle)) {
				java.util.Set<String> seen = new java.util.HashSet<>();
				new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.filter(line -> !line.isBlank() && !line.startsWith("#") && line.contains("="))
					.map(line -> line.substring(0, line.indexOf('=')).strip())
					.forEach(key -> assertThat(seen.add(key)).as(bundle + " gives " + key + " twice").isTrue());
			}
		}
	}

	/** A single apostrophe in a message with arguments swallows them in MessageFormat. */
	@Test
	void englishMessagesWithArgumentsHaveNoSingleApostrophe() throws IOException {
		Properties english = load("messages_en.properties");
		assertThat(english.stringPropertyNames())
			.filteredOn(key -> english.getProperty(key).contains("{0"))
			.allSatisfy(key -> assertThat(english.getProperty(key).replace("''", "")).as(key).doesNotContain("'"));
	}

	@Test
	void everyMessageWithArgumentsFormats() throws IOException {
		for (String bundle : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties messages = load(bundle);
			for (String key : messages.stringPropertyNames()) {
				String text = messages.getProperty(key);
				if (text.contains("{0")) {
					assertThat(new MessageFormat(text, Locale.ROOT).format(new Object[] { 1, 2, 3, 4 })).as(bundle + " " + key)
						.doesNotContain("{0");
				}
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundleTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
