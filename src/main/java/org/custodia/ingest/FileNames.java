package org.custodia.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodia.recording.NameFacts;
import org.custodia.shared.CustodiaProperties;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads what a device wrote into a file's name: its number, the start time, the "important" mark
 * and, where the naming scheme is one maker's, that maker, by the patterns configured for the
 * device's model (see {@code ingest/file-names.yaml}).
 */
@Component
public class FileNames {

	record NamePattern(Pattern pattern, DateTimeFormatter timeFormat, String maker) {
	}

	private static final String ANY_MODEL = "*";

	private final Map<String, List<NamePattern>> byModel;

	FileNames(CustodiaProperties custodia) {
		Map<String, List<NamePattern>> patterns = new LinkedHashMap<>();
		try (InputStream shipped = FileNames.class.getResourceAsStream("/ingest/file-names.yaml")) {
			patterns.putAll(read(shipped));
			Path local = custodia.dataDir().resolve("file-names.yaml");
			if (Files.isRegularFile(local)) {
				try (InputStream in = Files.newInputStream(local)) {
					patterns.putAll(read(in));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.byModel = Map.copyOf(patterns);
	}

	/** The facts the first matching pattern for this model (then any model) finds in the name. */
	public NameFacts read(String model, String fileName) {
		List<NamePattern> candidates = new ArrayList<>(model == null ? List.of() : byModel.getOrDefault(model, List.of()));
		candidates.addAll(byModel.getOrDefault(ANY_MODEL, List.of()));
		for (NamePattern candidate : candidates) {
			Matcher matcher = candidate.pattern().matcher(fileName);
			if (matcher.matches()) {
				return new NameFacts(group(matcher, "device"), time(matcher, candidate.timeFormat()),
						group(matcher, "important") != null, candidate.maker());
			}
		}
		return NameFacts.NOTHING;
	}

	private static String group(Matcher matcher, String name) {
		return matcher.pattern().pattern().contains("(?<" + name + ">") ? matcher.group(name) : null;
	}

	private static LocalDateTime time(Matcher matcher, DateTimeFormatter format) {
		String text = group(matcher, "time");
		if (text == null || format == null) {
			return null;
		}
		try {
			return LocalDateTime.parse(text, format);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, List<NamePattern>> read(InputStream in) {
		Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		Map<String, List<NamePattern>> result = new LinkedHashMap<>();
		Map<String, Object> models = document == null ? Map.of() : (Map<String, Object>) document.getOrDefault("models", Map.of());
		models.forEach((model, entries) -> {
			List<NamePattern> patterns = new ArrayList<>();
			for (Map<String, Object> entry : (List<Map<String, Object>>) entries) {
				Object format = entry.get("time-format");
				Object maker = entry.get("maker");
				patterns.add(new NamePattern(Pattern.compile(String.valueOf(entry.get("pattern"))),
						format == null ? null : DateTimeFormatter.ofPattern(String.valueOf(format)),
						maker == null ? null : String.valueOf(maker)));
			}
			result.put(model, List.copyOf(patterns));
		});
		return result;
	}
}
