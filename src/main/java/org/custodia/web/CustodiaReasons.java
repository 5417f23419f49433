package org.custodia.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The reasons of Custodia's own defaults in Chinese. A rule the regulation is silent on cites
 * {@code custodia: <reason>} with the reason in English, as policy files and code write it; this is
 * the one list of those reasons with their Chinese text ({@code custodia-reasons.yaml}), so that no
 * English reaches a Chinese page.
 */
public final class CustodiaReasons {

	public static final String PREFIX = "custodia: ";

	static final String FILE = "/custodia-reasons.yaml";

	private static final CustodiaReasons SHIPPED = load();

	private final Map<String, String> chinese;

	private CustodiaReasons(Map<String, String> chinese) {
		this.chinese = Map.copyOf(chinese);
	}

	public static CustodiaReasons shipped() {
		return SHIPPED;
	}

	/** Whether the reason (the text after {@code custodia: }) has its Chinese text. */
	public boolean known(String reason) {
		return chinese.containsKey(reason);
	}

	/** The reason in the language: English as written, Chinese from the list; empty when it has none. */
	public Optional<String> in(String reason, Locale locale) {
		if ("en".equals(locale.getLanguage())) {
			return Optional.of(reason);
		}
		return Optional.ofNullable(chinese.get(reason));
	}

	@SuppressWarnings("unchecked")
	private static CustodiaReasons load() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		try (InputStream in = CustodiaReasons.class.getResourceAsStream(FILE)) {
			if (in == null) {
				throw new IllegalStateException(FILE + " is missing from the classpath");
			}
			Map<String, String> chinese = new LinkedHashMap<>();
			for (Map<String, String> pair : (List<Map<String, String>>) new Yaml(new SafeConstructor(options)).load(in)) {
				if (chinese.put(pair.get("en"), pair.get("zh")) != null) {
					throw new IllegalStateException(FILE + " gives the reason twice: " + pair.get("en"));
				}
			}
			return new CustodiaReasons(chinese);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
