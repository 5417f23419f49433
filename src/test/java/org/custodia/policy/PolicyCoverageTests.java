package org.custodia.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docs/policy-coverage.md} accounts for every article of the five regulations: each is either in its agency's
 * policy file, at paths that cite it, or listed with why it needs no data. The article list of each document is the
 * page's own (the regulations themselves are not part of the repository).
 */
class PolicyCoverageTests {

	private static final Pattern SECTION = Pattern.compile("^## (\\d{3}(?:-[a-z]+)?) — .+ \\((articles|rows): (\\d+)\\)$");

	private static final Pattern ROW = Pattern
		.compile("^\\| (\\d{3}(?:-[a-z]+)?) (art|row)\\.? (\\d+) \\|([^|]*)\\|([^|]*)\\|([^|]*)\\|$");

	private static final Pattern SELECTOR = Pattern.compile("^([A-Za-z]+)(?:\\[([A-Za-z]+)=([a-z0-9-]+)\\])?$");

	record Row(String document, String unit, int number, String heading, List<String> paths, String why) {

		String article() {
			return document + ("art".equals(unit) ? " art. " : " row ") + number;
		}
	}

	@Test
	void everyArticleIsInThePolicyOrSaysWhyItNeedsNoData() throws IOException {
		Map<String, List<Row>> documents = coverage();
		Map<String, Object> bySeed = policiesBySeed();
		assertThat(documents.keySet()).containsExactlyInAnyOrder("000", "001", "001-access", "001-list", "002", "003",
				"003-access", "004");
		for (Map.Entry<String, List<Row>> document : documents.entrySet()) {
			Object policy = bySeed.get(document.getKey().substring(0, 3));
			for (Row row : document.getValue()) {
				assertThat(row.heading()).as(row.article()).isNotBlank().doesNotContainPattern("[A-Za-z]{3,}");
				assertThat(row.paths().isEmpty()).as(row.article() + ": in the policy or no data, one of them")
					.isNotEqualTo(row.why().isEmpty());
				for (String path : row.paths()) {
					assertThat(cites(policy, path)).as(row.article() + " at " + path).anySatisfy(
							cite -> assertThat(List.of(cite.split("; "))).contains(row.article()));
				}
			}
		}
	}

	@Test
	void everyArticleAPolicyCitesIsAccountedForInThePolicyColumn() throws IOException {
		Set<String> accounted = new TreeSet<>();
		coverage().values().forEach(rows -> rows.stream().filter(row -> !row.paths().isEmpty())
			.forEach(row -> accounted.add(row.article())));
		Set<String> cited = new TreeSet<>();
		for (Object policy : policiesBySeed().values()) {
			for (String cite : cites(policy, "")) {
				if (!cite.startsWith("custodia: ")) {
					cited.addAll(List.of(cite.split("; ")));
				}
			}
		}
		assertThat(accounted).containsAll(cited);
	}

	/** The documents' articles in order, 1 to the number the section's heading gives, none left out. */
	static Map<String, List<Row>> coverage() throws IOException {
		Map<String, List<Row>> documents = new LinkedHashMap<>();
		Map<String, Integer> counts = new LinkedHashMap<>();
		String current = null;
		for (String line : Files.readAllLines(Path.of("docs/policy-coverage.md"), StandardCharsets.UTF_8)) {
			Matcher section = SECTION.matcher(line);
			if (section.matches()) {
				current = section.group(1);
				counts.put(current, Integer.parseInt(section.group(3)));
				documents.put(current, new ArrayList<>());
				continue;
			}
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				assertThat(row.group(1)).as(line).isEqualTo(current);
				String where = row.group(5).strip();
				documents.get(current).add(new Row(row.group(1), row.group(2), Integer.parseInt(row.group(3)),
						row.group(4).strip(), where.isEmpty() ? List.of() : List.of(where.split(",\\s*")), row.group(6).strip()));
			}
		}
		counts.forEach((document, count) -> assertThat(documents.get(document)).as(document)
			.extracting(Row::number)
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, count).boxed().toList()));
		return documents;
	}

	private static Map<String, Object> policiesBySeed() throws IOException {
		Map<String, Object> bySeed = new LinkedHashMap<>();
		for (String code : PolicyFileReaderTests.AGENCIES) {
			Map<?, ?> policy = new Yaml().load(new ClassPathResource("policies/" + code + ".yaml").getContentAsString(
					StandardCharsets.UTF_8));
			bySeed.put((String) ((Map<?, ?>) policy.get("agency")).get("seed"), policy);
		}
		return bySeed;
	}

	/** Every {@code cite} under the nodes a path reaches ({@code ""}: the whole file). */
	static List<String> cites(Object policy, String path) {
		List<Object> nodes = List.of(policy);
		for (String step : path.isEmpty() ? new String[0] : path.split("\\.")) {
			Matcher selector = SELECTOR.matcher(step);
			assertThat(selector.matches()).as(step).isTrue();
			List<Object> next = new ArrayList<>();
			for (Object node : nodes) {
				Object value = node instanceof Map<?, ?> map ? map.get(selector.group(1)) : null;
				if (selector.group(2) == null) {
					if (value != null) {
						next.add(value);
					}
				}
				else if (value instanceof List<?> list) {
					list.stream().filter(item -> item instanceof Map<?, ?> map
							&& selector.group(3).equals(String.valueOf(map.get(selector.group(2))))).forEach(next::add);
				}
			}
			assertThat(next).as("the policy has " + path).isNotEmpty();
			nodes = next;
		}
		List<String> cites = new ArrayList<>();
		nodes.forEach(node -> collect(node, cites));
		return cites;
	}

	private static void collect(Object node, List<String> cites) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("cite".equals(key) && value instanceof String cite) {
					cites.add(cite);
				}
				else {
					collect(value, cites);
				}
			});
		}
		else if (node instanceof List<?> list) {
			list.forEach(item -> collect(item, cites));
		}
	}
}
