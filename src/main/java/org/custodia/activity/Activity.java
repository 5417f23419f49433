package org.custodia.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An enforcement activity (执法活动): what kind from the agency's list, where, from arrival to departure,
 * who took part, with whom, under which case; {@code source} says how it came in.
 */
public record Activity(UUID id, String agency, String type, UUID unitId, UUID caseId, String place, Instant startedAt,
		Instant endedAt, List<UUID> officers, String parties, ActivitySource source, Instant createdAt, String createdBy) {

	public Activity {
		officers = List.copyOf(officers);
	}

	/** Whether a recording from {@code from} to {@code to} (null: unknown end) overlaps the activity, widened by {@code slackSeconds}. */
	boolean overlaps(Instant from, Instant to, long slackSeconds) {
		Instant end = to == null || to.isBefore(from) ? from : to;
		return !from.isAfter(endedAt.plusSeconds(slackSeconds)) && !end.isBefore(startedAt.minusSeconds(slackSeconds));
	}
}
