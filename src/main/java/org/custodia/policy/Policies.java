package org.custodia.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import jakarta.validation.Validator;

import org.custodia.shared.CustodiaException;
import org.custodia.shared.CustodiaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The regulations of all agencies of this installation. Each agency's file ships in the jar under
 * {@code policies/}; a file of the same name in {@code <data-dir>/policies/} replaces it, and a
 * file there with a new code adds an agency. All files are validated when the application starts.
 */
@Component
public class Policies {

	private static final Logger log = LoggerFactory.getLogger(Policies.class);

	private final Map<String, AgencyPolicy> byCode;

	private final Set<String> overridden;

	Policies(CustodiaProperties properties, Validator validator) {
		PolicyFileReader reader = new PolicyFileReader(validator);
		Map<String, AgencyPolicy> policies = new TreeMap<>();
		for (Resource resource : shipped()) {
			String name = "classpath:policies/" + resource.getFilename();
			AgencyPolicy policy = reader.read(name, read(resource));
			policies.put(policy.code(), policy);
		}
		Set<String> fromDataDir = new java.util.TreeSet<>();
		Path overrides = properties.dataDir().resolve("policies");
		Map<String, AgencyPolicy> shippedBySeed = new TreeMap<>();
		policies.values().forEach(policy -> shippedBySeed.putIfAbsent(policy.agency().seed(), policy));
		for (Path file : listYaml(overrides)) {
			String content = read(file);
			AgencyPolicy policy = reader.read(file.toString(), content, shippedBySeed.get(seedOf(reader, file, content)));
			policies.put(policy.code(), policy);
			fromDataDir.add(policy.code());
			log.info("Agency {} uses the policy file {} instead of the shipped one", policy.code(), file);
		}
		this.byCode = Collections.unmodifiableMap(new LinkedHashMap<>(policies));
		this.overridden = Set.copyOf(fromDataDir);
	}

	/** Every agency's policy, ordered by agency code. */
	public List<AgencyPolicy> all() {
		return new ArrayList<>(byCode.values());
	}

	public Optional<AgencyPolicy> find(String agencyCode) {
		return agencyCode == null ? Optional.empty() : Optional.ofNullable(byCode.get(agencyCode));
	}

	public AgencyPolicy of(String agencyCode) {
		return find(agencyCode).orElseThrow(() -> CustodiaException.notFound("error.agency-not-found", agencyCode));
	}

	/** Whether the agency's file comes from the data directory rather than the jar. */
	public boolean isOverridden(String agencyCode) {
		return overridden.contains(agencyCode);
	}

	/** The seed a file names: the file is read once alone to learn it, then again against its regulation's shipped file. */
	private static String seedOf(PolicyFileReader reader, Path file, String content) {
		return reader.read(file.toString(), content).agency().seed();
	}

	private static Resource[] shipped() {
		try {
			return new PathMatchingResourcePatternResolver().getResources("classpath*:policies/*.yaml");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<Path> listYaml(Path directory) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".yaml")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
