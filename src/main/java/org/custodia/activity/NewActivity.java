package org.custodia.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An activity to enter: the agency defaults to the user's, the unit to the first officer's. */
public record NewActivity(String agency, String type, UUID unitId, UUID caseId, String place, Instant startedAt,
		Instant endedAt, List<UUID> officers, String parties) {
}
