package org.custodia.preservation;

import java.util.EnumMap;
import java.util.Map;

/**
 * The results of many recordings, counted: per property and overall, how many recordings passed, warned or failed.
 * Kept as counts so that a whole store is summed without holding its recordings.
 */
public final class FourCheckSummary {

	private final Map<FourCheck.Property, Map<FourCheck.Result, Integer>> byProperty = new EnumMap<>(FourCheck.Property.class);

	private final Map<FourCheck.Result, Integer> overall = new EnumMap<>(FourCheck.Result.class);

	private int recordings;

	public FourCheckSummary() {
		for (FourCheck.Property property : FourCheck.Property.values()) {
			byProperty.put(property, counts());
		}
		overall.putAll(counts());
	}

	private static Map<FourCheck.Result, Integer> counts() {
		Map<FourCheck.Result, Integer> counts = new EnumMap<>(FourCheck.Result.class);
		for (FourCheck.Result result : FourCheck.Result.values()) {
			counts.put(result, 0);
		}
		return counts;
	}

	void add(RecordingCheck check) {
		recordings++;
		overall.merge(check.result(), 1, Integer::sum);
		for (FourCheck.Property property : FourCheck.Property.values()) {
			byProperty.get(property).merge(check.result(property), 1, Integer::sum);
		}
	}

	public int getRecordings() {
		return recordings;
	}

	/** Recordings by their worst result. */
	public Map<FourCheck.Result, Integer> getOverall() {
		return overall;
	}

	/** Per property, recordings by their worst result in it. */
	public Map<FourCheck.Property, Map<FourCheck.Result, Integer>> getByProperty() {
		return byProperty;
	}

	/** The worst result of all; PASS for no recording. */
	public FourCheck.Result getResult() {
		return overall.get(FourCheck.Result.FAIL) > 0 ? FourCheck.Result.FAIL
				: overall.get(FourCheck.Result.WARN) > 0 ? FourCheck.Result.WARN : FourCheck.Result.PASS;
	}

	/** The worst result in one property. */
	public FourCheck.Result result(FourCheck.Property property) {
		Map<FourCheck.Result, Integer> counts = byProperty.get(property);
		return counts.get(FourCheck.Result.FAIL) > 0 ? FourCheck.Result.FAIL
				: counts.get(FourCheck.Result.WARN) > 0 ? FourCheck.Result.WARN : FourCheck.Result.PASS;
	}
}
