package org.custodia.fixity;

import java.time.Instant;
import java.util.UUID;

/**
 * What a sweep found wrong with one key.
 *
 * @param kind DAMAGED (a copy bad, another good), LOST (no copy good), ORPHAN (a file no row names)
 * @param repair REPAIRED, FAILED, or null when not tried
 */
public record Finding(UUID id, UUID sweepId, String storeKey, String agency, Kind kind, String primaryState,
		String secondState, String foundSha256, Long foundSize, String detail, String subjectType, String subjectId,
		String repair, String repairProblem, Instant foundAt, Instant closedAt) {

	public enum Kind {
		DAMAGED, LOST, ORPHAN
	}

	public boolean open() {
		return closedAt == null;
	}
}
