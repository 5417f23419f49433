package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	/** The module map kept in the repository, which readers (and DESIGN.md's table) go by. */
	private static final Path COMMITTED = Path.of("docs/modules");

	private final ApplicationModules modules = ApplicationModules.of(CustodiaApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * Writes the component diagram, one diagram and one canvas per module, and compares them with
	 * {@code docs/modules/}. When the code has moved on, the committed map is rewritten and the test
	 * fails, so the change that moved the modules also carries the new map.
	 */
	@Test
	void theCommittedModuleMapMatchesTheCode() throws IOException {
		Path generated = Path.of("target/modulith-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases()
			.writeAggregatingDocument();
		Map<String, String> fresh = read(generated);
		Map<String, String> committed = read(COMMITTED);
		List<String> outOfDate = Stream.concat(fresh.keySet().stream(), committed.keySet().stream())
			.distinct()
			.filter(name -> !Objects.equals(fresh.get(name), committed.get(name)))
			.sorted()
			.toList();
		if (!outOfDate.isEmpty()) {
			replace(COMMITTED, generated);
		}
		assertThat(outOfDate).as("files of docs/modules/ that did not match the code and have been regenerated: commit them")
			.isEmpty();
		assertThat(fresh).containsKeys("components.puml", "module-recording.puml", "module-ingest.puml",
				"module-recording.adoc");
	}

	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> paths = Files.list(folder)) {
			for (Path path : paths.filter(Files::isRegularFile).toList()) {
				files.put(path.getFileName().toString(), linesInOrder(Files.readString(path)));
			}
		}
		return files;
	}

	/**
	 * A file's lines sorted: Modulith writes a diagram's relations and a canvas's bean references in an order
	 * that changes from one run to the next, so only what is written counts, not where.
	 */
	private static String linesInOrder(String text) {
		return text.replace("\r\n", "\n").lines().sorted().collect(Collectors.joining("\n"));
	}

	private static void replace(Path committed, Path generated) throws IOException {
		if (Files.isDirectory(committed)) {
			try (Stream<Path> old = Files.list(committed)) {
				old.filter(Files::isRegularFile).forEach(ModularityTests::delete);
			}
		}
		Files.createDirectories(committed);
		try (Stream<Path> paths = Files.list(generated)) {
			List<Path> files = paths.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
			for (Path file : files) {
				Files.copy(file, committed.resolve(file.getFileName()));
			}
		}
	}

	private static void delete(Path file) {
		try {
			Files.delete(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
