package org.custodia.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * JSON Canonicalization Scheme (RFC 8785) for the values a ledger entry holds: objects with string
 * keys sorted by UTF-16 code units, arrays, strings, booleans, null and integers of at most 2^53 in
 * magnitude. Fractions are refused, so that every number has one spelling in every language.
 */
final class CanonicalJson {

	static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

	private CanonicalJson() {
	}

	/** JSON already in canonical form, written as it is: a payload column spliced into its entry. */
	record Canonical(String json) {
	}

	static byte[] bytes(Object value) {
		return write(value).getBytes(StandardCharsets.UTF_8);
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value);
		return out.toString();
	}

	static void append(StringBuilder out, Object value) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Canonical canonical) {
			out.append(canonical.json());
		}
		else if (value instanceof Boolean bool) {
			out.append(bool ? "true" : "false");
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			long number = ((Number) value).longValue();
			if (Math.abs(number) > MAX_SAFE_INTEGER || (value instanceof BigInteger big && big.bitLength() > 53)) {
				throw new IllegalArgumentException("integer outside ±2^53 cannot be canonical: " + value);
			}
			out.append(number);
		}
		else if (value instanceof Number) {
			throw new IllegalArgumentException("ledger payloads hold integers only, not " + value);
		}
		else if (value instanceof CharSequence || value instanceof Enum<?> || value instanceof java.util.UUID) {
			appendString(out, value.toString());
		}
		else if (value instanceof Map<?, ?> map) {
			List<String> keys = new ArrayList<>();
			for (Object key : map.keySet()) {
				if (!(key instanceof String text)) {
					throw new IllegalArgumentException("object keys must be strings: " + key);
				}
				keys.add(text);
			}
			// String.compareTo orders by UTF-16 code units, which is what RFC 8785 asks for.
			keys.sort(String::compareTo);
			out.append('{');
			for (int i = 0; i < keys.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				appendString(out, keys.get(i));
				out.append(':');
				append(out, map.get(keys.get(i)));
			}
			out.append('}');
		}
		else if (value instanceof Collection<?> list) {
			out.append('[');
			int i = 0;
			for (Object element : list) {
				if (i++ > 0) {
					out.append(',');
				}
				append(out, element);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
		}
	}

	static void appendString(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
