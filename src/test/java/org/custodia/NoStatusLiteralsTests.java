package org.custodia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaEnumConstant;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * States, kinds and roles are enums, never strings compared or written by hand (STYLE.md): main code may
 * not write the name of a constant of a {@code *Status}, {@code *State}, {@code *Kind}, {@code *Result}
 * or {@code Role} enum, nor a role's code, as a Java string literal outside the file of the enum that
 * defines it. The forbidden words come from the enums themselves, so a new constant is covered at once.
 */
class NoStatusLiteralsTests {

	private static final Path MAIN = Path.of("src/main/java");

	private static final List<String> ENUM_SUFFIXES = List.of("Status", "State", "Kind", "Result", "Role");

	/**
	 * Calls whose first argument is a name, not a value: a SQL parameter ({@code .param("officer", id)}),
	 * a map key ({@code params.put("officer", id)}, {@code payload.get("officer")}), a model attribute. There a role code such as
	 * {@code officer} is the ordinary word for a person's id, not a role.
	 */
	private static final Set<String> NAMING_CALLS = Set.of("param", "put", "get", "containsKey", "addAttribute", "addFlashAttribute");

	@Test
	void mainCodeWritesNoStatusKindOrRoleAsAStringLiteral() throws IOException {
		Map<String, Set<Path>> forbidden = forbiddenLiterals();
		// Were the enums not found, nothing would be forbidden and the test would pass on anything.
		assertThat(forbidden).containsKeys("OPEN", "READY", "STORED", "ADMINISTRATOR", "unit-head");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
				violations(MAIN.relativize(file), Files.readString(file), forbidden).forEach(found::add);
			}
		}
		assertThat(found).as("status, kind and role literals written by hand; use the enum").isEmpty();
	}

	/** The scanner itself, on the cases it must tell apart. */
	@Test
	void findsAStatusComparedByHandButNotSqlOrParameterNames() {
		Map<String, Set<Path>> forbidden = Map.of("OPEN", Set.of(Path.of("CaseStatus.java")), "officer",
				Set.of(Path.of("Role.java")), "administrator", Set.of(Path.of("Role.java")));
		String source = """
				class Cases {
					boolean open(Case c) { return c.status().equals("OPEN"); }
					List<Case> all() { return jdbc.sql(\"""
							select * from activity_case where status = 'OPEN' and officer_id = :officer\""")
						.param("officer", officerId).param("status", "OPEN").query(); }
					Map<String, Object> payload() { return Map.of("officer", id, "roles", "administrator"); }
					// "OPEN" in a comment
					@Option(names = { "--state" }, paramLabel = "OPEN") String state;
					char quote = '"'; String note = "the case is OPEN";
				}
				""";
		assertThat(violations(Path.of("Cases.java"), source, forbidden)).containsExactly("Cases.java:2: \"OPEN\"",
				"Cases.java:5: \"OPEN\"", "Cases.java:6: \"administrator\"");
		assertThat(violations(Path.of("CaseStatus.java"), source, forbidden))
			.containsExactly("CaseStatus.java:6: \"administrator\"");
	}

	/** Each forbidden literal, with the files of the enums that define it (where it may be written). */
	private static Map<String, Set<Path>> forbiddenLiterals() {
		Map<String, Set<Path>> forbidden = new TreeMap<>();
		new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.custodia")
			.stream()
			.filter(JavaClass::isEnum)
			.filter(type -> ENUM_SUFFIXES.stream().anyMatch(type.getSimpleName()::endsWith))
			.forEach(type -> type.getEnumConstants().stream().map(JavaEnumConstant::name)
				.forEach(name -> forbidden.computeIfAbsent(name, key -> new HashSet<>()).add(sourceFileOf(type))));
		for (Role role : Role.values()) {
			forbidden.computeIfAbsent(role.code(), key -> new HashSet<>()).add(Path.of("org/custodia/shared/Role.java"));
		}
		return forbidden;
	}

	/** A nested enum is written in the file of its outermost class. */
	private static Path sourceFileOf(JavaClass type) {
		JavaClass outermost = type;
		while (outermost.getEnclosingClass().isPresent()) {
			outermost = outermost.getEnclosingClass().get();
		}
		return Path.of(outermost.getName().replace('.', '/') + ".java");
	}

	/**
	 * The forbidden literals of one source file, as {@code file:line: "literal"}. Only whole string literals
	 * count, so a message or SQL that merely contains the word is not one; comments, char literals and text
	 * blocks are skipped (text blocks hold this code's SQL, where {@code 'ISSUED'} is the column's spelling
	 * of the enum), and so are annotations' arguments: labels and names for a framework, such as picocli's
	 * {@code paramLabel = "FOLDER"}, never a value the code compares. A role code is allowed where it names
	 * something: the first argument of a {@link #NAMING_CALLS naming call}, or a key (even argument) of
	 * {@code Map.of}.
	 */
	static List<String> violations(Path file, String source, Map<String, Set<Path>> forbidden) {
		Set<String> roleCodes = new HashSet<>();
		for (Role role : Role.values()) {
			roleCodes.add(role.code());
		}
		List<String> found = new ArrayList<>();
		Deque<Call> calls = new ArrayDeque<>();
		List<String> recent = new ArrayList<>();
		int line = 1;
		int i = 0;
		while (i < source.length()) {
			char c = source.charAt(i);
			if (c == '\n') {
				line++;
				i++;
			}
			else if (source.startsWith("//", i)) {
				i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2) + 2;
				line += count(source, i, end);
				i = end;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3) + 3;
				line += count(source, i, end);
				i = end;
				recent.add("\"");
			}
			else if (c == '\'' || c == '"') {
				int end = i + 1;
				while (source.charAt(end) != c) {
					end += source.charAt(end) == '\\' ? 2 : 1;
				}
				String literal = source.substring(i + 1, end);
				Set<Path> definedIn = c == '"' ? forbidden.get(literal) : null;
				if (definedIn != null && definedIn.stream().noneMatch(file::endsWith)
						&& calls.stream().noneMatch(Call::ofAnnotation)
						&& !(roleCodes.contains(literal) && !calls.isEmpty() && calls.peek().namesArgument())) {
					found.add(file + ":" + line + ": \"" + literal + "\"");
				}
				recent.add("\"");
				i = end + 1;
			}
			else if (Character.isJavaIdentifierStart(c)) {
				int end = i;
				while (end < source.length() && Character.isJavaIdentifierPart(source.charAt(end))) {
					end++;
				}
				recent.add(source.substring(i, end));
				i = end;
			}
			else {
				if (c == '(' || c == '{' || c == '[') {
					calls.push(new Call(c == '(' ? callee(recent) : ""));
				}
				else if (c == ')' || c == '}' || c == ']') {
					calls.poll();
				}
				else if (c == ',' && !calls.isEmpty()) {
					calls.peek().argument++;
				}
				if (!Character.isWhitespace(c)) {
					recent.add(String.valueOf(c));
				}
				i++;
			}
		}
		return found;
	}

	/** What a parenthesis opens the arguments of: {@code Map.of}, an annotation ({@code @Name}) or a simple name. */
	private static String callee(List<String> recent) {
		int last = recent.size() - 1;
		if (last < 0) {
			return "";
		}
		String name = recent.get(last);
		if (last >= 1 && recent.get(last - 1).equals("@")) {
			return "@" + name;
		}
		boolean qualifiedByMap = last >= 2 && recent.get(last - 1).equals(".") && recent.get(last - 2).equals("Map");
		return qualifiedByMap ? "Map." + name : name;
	}

	private static int count(String source, int from, int to) {
		return (int) source.substring(from, to).chars().filter(ch -> ch == '\n').count();
	}

	/** An open bracket, with how many of its arguments have gone by. */
	private static final class Call {

		final String callee;

		int argument;

		Call(String callee) {
			this.callee = callee;
		}

		boolean ofAnnotation() {
			return callee.startsWith("@");
		}

		boolean namesArgument() {
			return callee.equals("Map.of") ? argument % 2 == 0 : NAMING_CALLS.contains(callee) && argument == 0;
		}
	}
}
