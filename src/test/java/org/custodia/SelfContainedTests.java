package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A fresh clone is all the tests and documents need: nothing is read from beside the repository. */
class SelfContainedTests {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	/** A path that climbs out of the project: {@code Path.of("..", …)}, {@code "../shared/…"} and the like. */
	private static final Pattern LEAVES_PROJECT = Pattern.compile(
			"(Path\\.of|Paths\\.get)\\(\\s*\"\\.\\.\"|\"\\.\\./(shared|seeds|media)|shared/(media|seeds)|/work/shared");

	@Test
	void noTestReadsFromOutsideTheRepository() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(PROJECT.resolve("src/test/java"))) {
			for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
				if (source.getFileName().toString().equals("SelfContainedTests.java")) {
					continue;
				}
				List<String> lines = Files.readAllLines(source);
				for (int i = 0; i < lines.size(); i++) {
					if (LEAVES_PROJECT.matcher(lines.get(i)).find()) {
						offenders.add(PROJECT.relativize(source) + ":" + (i + 1) + ": " + lines.get(i).trim());
					}
				}
			}
		}
		assertThat(offenders).as("test code reaching outside the repository").isEmpty();
	}

	@Test
	void testMediaLiveInTheRepositoryWithTheirOriginsAndLicences() throws IOException {
		assertThat(TestMedia.FOLDER.toRealPath()).startsWith(PROJECT.toRealPath());
		JsonNode files = JsonMapper.builder().build().readTree(Files.readString(TestMedia.file("manifest.json"))).get("files");
		String notice = Files.readString(TestMedia.file("NOTICE"));
		List<String> listed = new ArrayList<>();
		for (JsonNode entry : files) {
			String name = entry.get("file").asString();
			listed.add(name);
			Path file = TestMedia.file(name);
			assertThat(file).as(name).exists();
			assertThat(sha256(file)).as(name + " is the file its manifest describes").isEqualTo(entry.get("sha256").asString());
			String licence = entry.path("source").path("licence").asString();
			assertThat(licence).as(name + " licence").isNotBlank().doesNotContain("GPL");
			assertThat(notice).as("NOTICE names " + name).contains(name);
		}
		try (Stream<Path> folder = Files.list(TestMedia.FOLDER)) {
			assertThat(folder.filter(TestMedia::isSample).map(file -> file.getFileName().toString()))
				.as("every sample has a manifest entry").containsExactlyInAnyOrderElementsOf(listed);
		}
	}

	@Test
	void documentsPointNowhereOutsideTheRepository() throws IOException {
		List<Path> documents = new ArrayList<>(List.of(PROJECT.resolve("README.md"), PROJECT.resolve("NOTICE")));
		try (Stream<Path> docs = Files.walk(PROJECT.resolve("docs"))) {
			docs.filter(file -> file.toString().endsWith(".md")).forEach(documents::add);
		}
		for (Path document : documents) {
			assertThat(Files.readString(document)).as(PROJECT.relativize(document).toString())
				.doesNotContain("../shared", "REQUIREMENTS.md", "DESIGN.md", "seeds/")
				.doesNotContainPattern("\\]\\(\\.\\./");
		}
		assertThat(PROJECT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0");
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
