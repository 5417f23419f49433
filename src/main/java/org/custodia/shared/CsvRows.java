package org.custodia.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a CSV text as spreadsheets write it (RFC 4180): fields in double quotes may hold commas,
 * line breaks and doubled quotes; a byte order mark (Excel's UTF-8) is ignored. Each row carries the
 * line it starts on, so a refusal can name it; blank lines are skipped.
 */
public final class CsvRows {

	/** One row: the line it starts on (1 is the first) and its fields, at least {@code width} of them. */
	public record Row(int line, List<String> fields) {

		/** The field at {@code index}, empty when the row is shorter. */
		public String get(int index) {
			return index < fields.size() ? fields.get(index) : "";
		}
	}

	private CsvRows() {
	}

	public static List<Row> of(String text) {
		List<Row> rows = new ArrayList<>();
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean anything = false;
		int line = 1;
		int rowLine = 1;
		int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					if (c == '\n') {
						line++;
					}
					field.append(c);
				}
				continue;
			}
			if (c == '"') {
				quoted = true;
				anything = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				anything = true;
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				finish(rows, fields, field, anything, rowLine);
				fields = new ArrayList<>();
				anything = false;
				line++;
				rowLine = line;
			}
			else {
				field.append(c);
				anything = anything || !Character.isWhitespace(c);
			}
		}
		finish(rows, fields, field, anything, rowLine);
		return rows;
	}

	private static void finish(List<Row> rows, List<String> fields, StringBuilder field, boolean anything, int line) {
		if (anything) {
			fields.add(field.toString());
			rows.add(new Row(line, List.copyOf(fields)));
		}
		field.setLength(0);
	}
}
