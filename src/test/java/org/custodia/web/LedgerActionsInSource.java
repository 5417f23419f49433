package org.custodia.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The actions the main code appends to the ledger, read from its sources: the third argument of every
 * {@code LedgerEvent.by(…)} and {@code LedgerEvent.bySystem(…)}, followed through constants, ternaries,
 * the parameter of a private helper to its callers, and an enum's names. An argument it cannot follow is an
 * error, so that a new way of naming an action is taught here rather than missed.
 */
final class LedgerActionsInSource {

	static final Pattern ACTION = Pattern.compile("[a-z]+(\\.[a-z][a-z-]*)+");

	private static final Pattern CALL = Pattern.compile("\\bLedgerEvent\\.(by|bySystem)\\(");

	private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final Pattern CONSTANT = Pattern.compile("(?:(\\w+)\\.)?([A-Z][A-Z0-9_]*)");

	private static final Pattern ENUM_NAMES = Pattern.compile(
			"\"([a-z]+\\.)\"\\s*\\+\\s*(\\w+)\\.name\\(\\)\\.toLowerCase\\((?:java\\.util\\.)?Locale\\.ROOT\\)\\.replace\\('_', '-'\\)");

	private LedgerActionsInSource() {
	}

	/** Every action appended anywhere in {@code root}, with where it was seen when it is asked for. */
	static Set<String> under(Path root) throws IOException {
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				if (file.getFileName().toString().equals("LedgerEvent.java")) {
					continue;
				}
				String source = Files.readString(file);
				Matcher call = CALL.matcher(source);
				while (call.find()) {
					List<String> arguments = arguments(source, call.end());
					actions.addAll(resolve(arguments.get(2), source, call.start(), file));
				}
			}
		}
		return actions;
	}

	/**
	 * The keys the appending sources write into maps: the keys of every {@code Map.of(…)} and
	 * {@code .put("…", …)} in a file that appends to the ledger. Some of those maps are no payload; a label
	 * for them does no harm, while a payload key without one would show "其他".
	 */
	static Set<String> payloadKeysUnder(Path root) throws IOException {
		Set<String> keys = new TreeSet<>();
		Pattern put = Pattern.compile("\\.put\\(\"([a-z][A-Za-z0-9]*)\",");
		Pattern mapOf = Pattern.compile("\\bMap\\.of\\(");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				if (!CALL.matcher(source).find() || file.getFileName().toString().equals("LedgerEvent.java")) {
					continue;
				}
				Matcher putting = put.matcher(source);
				while (putting.find()) {
					keys.add(putting.group(1));
				}
				Matcher map = mapOf.matcher(source);
				while (map.find()) {
					List<String> arguments = arguments(source, map.end());
					for (int i = 0; i + 1 < arguments.size(); i += 2) {
						Matcher literal = LITERAL.matcher(arguments.get(i).strip());
						if (literal.matches()) {
							keys.add(literal.group(1));
						}
					}
				}
			}
		}
		return keys;
	}

	private static Set<String> resolve(String expression, String source, int at, Path file) throws IOException {
		String expr = expression.strip();
		Set<String> found = new TreeSet<>();
		Matcher enumNames = ENUM_NAMES.matcher(expr);
		if (enumNames.matches()) {
			for (Object constant : enumType(enumNames.group(2), source, at, file).getEnumConstants()) {
				found.add(enumNames.group(1) + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
			}
			return found;
		}
		if (expr.startsWith("\"") || expr.contains("?")) {
			Matcher literal = LITERAL.matcher(expr);
			while (literal.find()) {
				if (ACTION.matcher(literal.group(1)).matches()) {
					found.add(literal.group(1));
				}
			}
			if (found.isEmpty() || expr.contains("+")) {
				throw new IllegalStateException(file + ": cannot tell the action of " + expr);
			}
			return found;
		}
		Matcher constant = CONSTANT.matcher(expr);
		if (constant.matches()) {
			String holder = constant.group(1) == null ? source : Files.readString(file.resolveSibling(constant.group(1) + ".java"));
			Matcher value = Pattern.compile("\\b" + constant.group(2) + "\\s*=\\s*(\"[^\"]*\")\\s*;").matcher(holder);
			if (!value.find()) {
				throw new IllegalStateException(file + ": cannot find the constant " + expr);
			}
			return resolve(value.group(1), holder, value.start(), file);
		}
		if (expr.matches("[a-z]\\w*")) {
			return fromCallers(expr, source, at, file);
		}
		throw new IllegalStateException(file + ": cannot tell the action of " + expr);
	}

	/** The parameter {@code name} of the method around {@code at}: what each call of that method in the file passes. */
	private static Set<String> fromCallers(String name, String source, int at, Path file) throws IOException {
		Matcher declaration = Pattern.compile("(\\w+)\\(([^;{}()]*\\bString\\s+" + name + "\\b[^;{}()]*)\\)\\s*(?:throws[^{]*)?\\{")
			.matcher(source);
		int start = -1;
		String method = null;
		int index = -1;
		while (declaration.find() && declaration.start() < at) {
			start = declaration.start();
			method = declaration.group(1);
			String parameters = declaration.group(2);
			index = splitTopLevel(parameters.substring(0, parameters.indexOf("String " + name)) + "x", true).size() - 1;
		}
		if (method == null) {
			throw new IllegalStateException(file + ": cannot tell where the action parameter " + name + " comes from");
		}
		Set<String> found = new TreeSet<>();
		Matcher call = Pattern.compile("\\b" + method + "\\(").matcher(source);
		while (call.find()) {
			if (call.start() == start) {
				continue;
			}
			List<String> arguments = arguments(source, call.end());
			if (arguments.size() > index) {
				found.addAll(resolve(arguments.get(index), source, call.start(), file));
			}
		}
		if (found.isEmpty()) {
			throw new IllegalStateException(file + ": no call of " + method + " passes an action");
		}
		return found;
	}

	/** The enum type {@code variable} is declared with last before {@code at}: its parameter or local declaration. */
	private static Class<?> enumType(String variable, String source, int at, Path file) {
		Matcher declared = Pattern.compile("(\\w+)\\s+" + variable + "\\b").matcher(source);
		String packageName = source.replaceFirst("(?s)^.*?package\\s+([\\w.]+);.*$", "$1");
		Class<?> nearest = null;
		while (declared.find() && declared.start() < at) {
			try {
				Class<?> type = Class.forName(packageName + "." + declared.group(1));
				nearest = type.isEnum() ? type : nearest;
			}
			catch (ClassNotFoundException notThere) {
				// a word before the variable that is no type of this package: keep looking
			}
		}
		if (nearest != null) {
			return nearest;
		}
		throw new IllegalStateException(file + ": cannot find the enum of " + variable);
	}

	/** The arguments of the call whose opening parenthesis ends just before {@code from}. */
	static List<String> arguments(String source, int from) {
		int depth = 0;
		for (int i = from; i < source.length(); i++) {
			char c = source.charAt(i);
			if (c == '"' || c == '\'') {
				i = skipQuoted(source, i);
			}
			else if (c == '(' || c == '[' || c == '{') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}') {
				if (depth == 0) {
					return splitTopLevel(source.substring(from, i), false);
				}
				depth--;
			}
		}
		throw new IllegalStateException("unclosed call at " + from);
	}

	/** Splits at the commas outside brackets; in a parameter list, type arguments ({@code <A, B>}) are brackets too. */
	private static List<String> splitTopLevel(String text, boolean parameters) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"' || c == '\'') {
				i = skipQuoted(text, i);
			}
			else if (c == '(' || c == '[' || c == '{' || parameters && c == '<') {
				depth++;
			}
			else if (c == ')' || c == ']' || c == '}' || parameters && c == '>') {
				depth--;
			}
			else if (c == ',' && depth == 0) {
				parts.add(text.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(text.substring(start));
		return parts;
	}

	private static int skipQuoted(String text, int open) {
		char quote = text.charAt(open);
		for (int i = open + 1; i < text.length(); i++) {
			if (text.charAt(i) == '\\') {
				i++;
			}
			else if (text.charAt(i) == quote) {
				return i;
			}
		}
		return text.length();
	}
}
