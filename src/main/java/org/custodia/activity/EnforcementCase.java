package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

/** A case (案件) of an agency: its number is unique in the agency. */
public record EnforcementCase(UUID id, String agency, String number, String name, CaseStatus status, Instant createdAt,
		String createdBy) {
}
