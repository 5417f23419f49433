package org.custodia.access.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of an HTTP {@code Range} header (RFC 9110 §14), resolved against the file's size:
 * {@code [start, end]} inclusive. Of several ranges in one header the first satisfiable one is served
 * alone, as a single part with its {@code Content-Range}; a player never asks for more than one. A header
 * that breaks the grammar, or more than one {@code Range} field, is refused (416), which §14.2 allows
 * for an invalid ranges-specifier; a unit other than {@code bytes} is ignored, as §14.2 requires.
 */
record ByteRange(long start, long end) {

	private static final Pattern UNIT = Pattern.compile("^([!#$%&'*+.^_`|~0-9A-Za-z-]+)=(.*)$");

	private static final Pattern SPEC = Pattern.compile("^(\\d*)-(\\d*)$");

	/** What the Range header asks of a file of {@code size} bytes. */
	sealed interface Wanted permits Whole, Part, Unsatisfiable, Invalid {
	}

	/** No range, or one in a unit this server does not know: the whole file. */
	record Whole() implements Wanted {
	}

	record Part(ByteRange range) implements Wanted {
	}

	/** Well-formed, but no range of it overlaps the file. */
	record Unsatisfiable() implements Wanted {
	}

	/** Not a Range header at all: bad grammar, an empty range, or the field given more than once. */
	record Invalid() implements Wanted {
	}

	long length() {
		return end - start + 1;
	}

	/** Every {@code Range} field line of the request, in order. */
	static Wanted of(List<String> fields, long size) {
		if (fields.isEmpty()) {
			return new Whole();
		}
		if (fields.size() > 1) {
			return new Invalid();
		}
		Matcher unit = UNIT.matcher(fields.get(0).strip());
		if (!unit.matches()) {
			return new Invalid();
		}
		if (!unit.group(1).toLowerCase(Locale.ROOT).equals("bytes")) {
			return new Whole();
		}
		ByteRange first = null;
		boolean any = false;
		for (String spec : unit.group(2).split(",", -1)) {
			// Empty list elements are allowed and mean nothing (RFC 9110 §5.6.1).
			if (spec.isBlank()) {
				continue;
			}
			any = true;
			Matcher range = SPEC.matcher(spec.strip());
			if (!range.matches() || (range.group(1).isEmpty() && range.group(2).isEmpty())) {
				return new Invalid();
			}
			long from = range.group(1).isEmpty() ? -1 : number(range.group(1));
			long to = range.group(2).isEmpty() ? -1 : number(range.group(2));
			if (from >= 0 && to >= 0 && to < from) {
				return new Invalid();
			}
			ByteRange resolved = resolve(from, to, size);
			if (first == null && resolved != null) {
				first = resolved;
			}
		}
		if (!any) {
			return new Invalid();
		}
		return first == null ? new Unsatisfiable() : new Part(first);
	}

	/** The bytes a well-formed range covers in the file, or null when none. */
	private static ByteRange resolve(long from, long to, long size) {
		if (from < 0) {
			// A suffix: the last {@code to} bytes.
			return to == 0 || size == 0 ? null : new ByteRange(Math.max(0, size - to), size - 1);
		}
		if (from >= size) {
			return null;
		}
		return new ByteRange(from, to < 0 ? size - 1 : Math.min(to, size - 1));
	}

	/** Digits beyond a long are larger than any file: the largest long says the same. */
	private static long number(String digits) {
		try {
			return Long.parseLong(digits);
		}
		catch (NumberFormatException e) {
			return Long.MAX_VALUE;
		}
	}
}
