package org.custodia.access.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of an HTTP {@code Range} header (RFC 9110 §14), resolved against the file's size:
 * {@code [start, end]} inclusive. Several ranges in one header are not served piecewise: the whole
 * file is sent instead, which the RFC allows and which players never need.
 */
record ByteRange(long start, long end) {

	private static final Pattern SINGLE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

	/** What the Range header asks of a file of {@code size} bytes. */
	sealed interface Wanted permits Whole, Part, Unsatisfiable {
	}

	record Whole() implements Wanted {
	}

	record Part(ByteRange range) implements Wanted {
	}

	record Unsatisfiable() implements Wanted {
	}

	long length() {
		return end - start + 1;
	}

	static Wanted of(String header, long size) {
		if (header == null) {
			return new Whole();
		}
		Matcher matcher = SINGLE.matcher(header.trim());
		if (!matcher.matches() || (matcher.group(1).isEmpty() && matcher.group(2).isEmpty())) {
			// Not one range we understand (several ranges, another unit): ignoring Range is allowed.
			return new Whole();
		}
		try {
			if (matcher.group(1).isEmpty()) {
				long suffix = Long.parseLong(matcher.group(2));
				if (suffix == 0 || size == 0) {
					return new Unsatisfiable();
				}
				return new Part(new ByteRange(Math.max(0, size - suffix), size - 1));
			}
			long start = Long.parseLong(matcher.group(1));
			long end = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
			if (!matcher.group(2).isEmpty() && Long.parseLong(matcher.group(2)) < start) {
				return new Whole();
			}
			if (start >= size) {
				return new Unsatisfiable();
			}
			return new Part(new ByteRange(start, end));
		}
		catch (NumberFormatException e) {
			// Digits beyond a long: no file is that large.
			return new Unsatisfiable();
		}
	}
}
