package org.custodia.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

import org.custodia.web.CustodiaReasons;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one policy file strictly: YAML syntax, then the record layout (no unknown, missing or
 * mistyped field), then the constraints and the permissions' names, then that every citation points
 * into the agency's own seed. Each failure names the file, the line and the field.
 */
final class PolicyFileReader {

	private final Validator validator;

	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	PolicyFileReader(Validator validator) {
		this.validator = validator;
	}

	AgencyPolicy read(String fileName, String content) {
		return read(fileName, content, null);
	}

	/**
	 * Reads an agency's own file; where {@code regulation} (the shipped file of the same regulation) is
	 * given, the file may tighten its import deadline but not loosen it.
	 */
	AgencyPolicy read(String fileName, String content, AgencyPolicy regulation) {
		Node root;
		Object tree;
		try {
			root = yaml().compose(new java.io.StringReader(content));
			tree = yaml().load(content);
		}
		catch (MarkedYAMLException e) {
			int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
			throw new PolicyFileException(fileName, line, "-", "not valid YAML: " + e.getProblem());
		}
		if (!(tree instanceof Map<?, ?>)) {
			throw new PolicyFileException(fileName, 1, "-", "the file must hold a mapping (agency:, retention:, …)");
		}
		PermissionsCheck.fillDefaults((Map<?, ?>) tree);
		AgencyPolicy policy = bind(fileName, root, tree);
		validate(fileName, root, policy);
		PermissionsCheck.check(fileName, root, policy);
		checkCitationsPointIntoOwnSeed(fileName, root, policy.agency().seed());
		checkFileNameMatchesCode(fileName, root, policy);
		checkRetentionStatus(fileName, root, policy.retention());
		checkIngest(fileName, root, policy.ingest());
		if (regulation != null) {
			DeadlineOverride.check(fileName, root, policy.ingest(), regulation.ingest());
		}
		return policy;
	}

	private AgencyPolicy bind(String fileName, Node root, Object tree) {
		try {
			return json.convertValue(tree, AgencyPolicy.class);
		}
		catch (IllegalArgumentException | JacksonException e) {
			JacksonException cause = e instanceof JacksonException je ? je
					: e.getCause() instanceof JacksonException je ? je : null;
			if (cause == null) {
				throw new PolicyFileException(fileName, 1, "-", e.getMessage());
			}
			List<Object> path = new ArrayList<>();
			for (JacksonException.Reference reference : cause.getPath()) {
				if (reference.getPropertyName() != null) {
					path.add(reference.getPropertyName());
				}
				else if (reference.getIndex() >= 0) {
					path.add(reference.getIndex());
				}
			}
			throw new PolicyFileException(fileName, lineOf(root, path), dotted(path), firstLine(cause.getOriginalMessage()));
		}
	}

	private void validate(String fileName, Node root, AgencyPolicy policy) {
		Set<ConstraintViolation<AgencyPolicy>> violations = validator.validate(policy);
		violations.stream().map(violation -> {
			List<Object> path = pathOf(violation.getPropertyPath());
			return new PolicyFileException(fileName, lineOf(root, path), dotted(path),
					violation.getMessage() + " (was: " + violation.getInvalidValue() + ")");
		}).min(Comparator.comparingInt(PolicyFileException::line)).ifPresent(first -> {
			throw first;
		});
	}

	private void checkCitationsPointIntoOwnSeed(String fileName, Node root, String seed) {
		walk(root, new ArrayList<>(), (path, key, value) -> {
			if (!"cite".equals(key)) {
				return;
			}
			if (value.getValue().startsWith(CustodiaReasons.PREFIX)) {
				String reason = value.getValue().substring(CustodiaReasons.PREFIX.length());
				if (!CustodiaReasons.shipped().known(reason)) {
					throw new PolicyFileException(fileName, value.getStartMark().getLine() + 1, dotted(path),
							"the reason '" + reason + "' has no Chinese text: use a reason of custodia-reasons.yaml "
									+ "(docs/policy-format.md), or cite the article");
				}
				return;
			}
			for (String part : value.getValue().split("; ")) {
				if (!part.startsWith(seed + " ") && !part.startsWith(seed + "-")) {
					throw new PolicyFileException(fileName, value.getStartMark().getLine() + 1, dotted(path),
							"cites '" + part + "', but this agency's regulation is seed " + seed);
				}
			}
		});
	}

	private void checkFileNameMatchesCode(String fileName, Node root, AgencyPolicy policy) {
		String expected = policy.code() + ".yaml";
		if (!fileName.endsWith(expected)) {
			throw new PolicyFileException(fileName, lineOf(root, List.of("agency", "code")), "agency.code",
					"the file of agency '" + policy.code() + "' must be named " + expected);
		}
	}

	private void checkRetentionStatus(String fileName, Node root, AgencyPolicy.Retention retention) {
		boolean set = retention.periodStated();
		if (set != (retention.baseMonths() != null)) {
			throw new PolicyFileException(fileName, lineOf(root, List.of("retention", "baseMonths")),
					"retention.baseMonths", set ? "baseStatus is 'set' but no baseMonths is given"
							: "baseStatus is '" + retention.baseStatus() + "' but baseMonths is given");
		}
	}

	/** Hours after the activity need the hours; the end of the working day needs its time, and no hours. */
	private void checkIngest(String fileName, Node root, AgencyPolicy.Ingest ingest) {
		boolean workingDay = ingest.deadline().endOfWorkingDay();
		if (workingDay == (ingest.deadline().hours() != null)) {
			throw new PolicyFileException(fileName, lineOf(root, List.of("ingest", "deadline")), "ingest.deadline.hours",
					workingDay ? "the end of the working day takes no hours" : "hours-after-end needs the hours");
		}
		if (workingDay && ingest.workdayEnds() == null) {
			throw new PolicyFileException(fileName, lineOf(root, List.of("ingest", "workdayEnds")), "ingest.workdayEnds",
					"the end of the working day needs its time, e.g. {time: \"18:00\", cite: …}");
		}
	}

	private static List<Object> pathOf(Path propertyPath) {
		List<Object> path = new ArrayList<>();
		for (Path.Node node : propertyPath) {
			if (node.getIndex() != null) {
				path.add(node.getIndex());
			}
			if (node.getName() != null && !node.getName().startsWith("<")) {
				path.add(node.getName());
			}
		}
		return path;
	}

	/** The line of the deepest node the path reaches: the key's line for a mapping entry. */
	static int lineOf(Node root, List<Object> path) {
		Node node = root;
		int line = root.getStartMark().getLine() + 1;
		for (Object step : path) {
			Node next = null;
			if (node instanceof MappingNode mapping && step instanceof String key) {
				for (NodeTuple tuple : mapping.getValue()) {
					if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key)) {
						next = tuple.getValueNode();
						line = scalar.getStartMark().getLine() + 1;
						break;
					}
				}
			}
			else if (node instanceof SequenceNode sequence && step instanceof Integer index
					&& index < sequence.getValue().size()) {
				next = sequence.getValue().get(index);
				line = next.getStartMark().getLine() + 1;
			}
			if (next == null) {
				break;
			}
			node = next;
		}
		return line;
	}

	private interface ScalarVisitor {

		void visit(List<Object> path, String key, ScalarNode value);
	}

	private static void walk(Node node, List<Object> path, ScalarVisitor visitor) {
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					path.add(key.getValue());
					if (tuple.getValueNode() instanceof ScalarNode value) {
						visitor.visit(path, key.getValue(), value);
					}
					else {
						walk(tuple.getValueNode(), path, visitor);
					}
					path.remove(path.size() - 1);
				}
			}
		}
		else if (node instanceof SequenceNode sequence) {
			for (int i = 0; i < sequence.getValue().size(); i++) {
				path.add(i);
				walk(sequence.getValue().get(i), path, visitor);
				path.remove(path.size() - 1);
			}
		}
	}

	static String dotted(List<Object> path) {
		StringBuilder out = new StringBuilder();
		for (Object step : path) {
			if (step instanceof Integer index) {
				out.append('[').append(index).append(']');
			}
			else {
				out.append(out.isEmpty() ? "" : ".").append(step);
			}
		}
		return out.isEmpty() ? "-" : out.toString();
	}

	private static String firstLine(String message) {
		return message == null ? "invalid value" : message.lines().findFirst().orElse(message);
	}

	/** Dates stay strings: a policy's dates are citations of documents, not instants. */
	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		Resolver resolver = new Resolver() {
			@Override
			protected void addImplicitResolvers() {
				addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
				addImplicitResolver(Tag.INT, INT, "-+0123456789");
				addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
				addImplicitResolver(Tag.MERGE, MERGE, "<");
				addImplicitResolver(Tag.NULL, NULL, "~nN\0");
				addImplicitResolver(Tag.NULL, EMPTY, null);
			}
		};
		return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
				options, resolver);
	}
}
