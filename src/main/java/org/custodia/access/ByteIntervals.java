package org.custodia.access;

import java.util.Map;
import java.util.TreeMap;

/** Which bytes of a file were served, as merged intervals: a viewing record says what was watched. */
final class ByteIntervals {

	private final TreeMap<Long, Long> intervals = new TreeMap<>();

	/** Adds {@code [from, toExclusive)}, merging it with the intervals it touches. */
	void add(long from, long toExclusive) {
		if (toExclusive <= from) {
			return;
		}
		long start = from;
		long end = toExclusive;
		Map.Entry<Long, Long> before = intervals.floorEntry(start);
		if (before != null && before.getValue() >= start) {
			start = before.getKey();
			end = Math.max(end, before.getValue());
		}
		Map.Entry<Long, Long> next;
		while ((next = intervals.ceilingEntry(start)) != null && next.getKey() <= end) {
			end = Math.max(end, next.getValue());
			intervals.remove(next.getKey());
		}
		intervals.put(start, end);
	}

	long total() {
		return intervals.entrySet().stream().mapToLong(entry -> entry.getValue() - entry.getKey()).sum();
	}

	/** {@code "0-1048575,2097152-3145727"}, inclusive ends as in HTTP; cut with "…" past {@code max} characters. */
	String describe(int max) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<Long, Long> interval : intervals.entrySet()) {
			String part = (text.length() == 0 ? "" : ",") + interval.getKey() + "-" + (interval.getValue() - 1);
			if (text.length() + part.length() > max - 1) {
				return text.append("…").toString();
			}
			text.append(part);
		}
		return text.toString();
	}
}
