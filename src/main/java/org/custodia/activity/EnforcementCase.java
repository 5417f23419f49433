package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

/** A case (案件) of an agency: its number is unique in the agency; {@code status} is {@code OPEN} or {@code CLOSED}. */
public record EnforcementCase(UUID id, String agency, String number, String name, String status, Instant createdAt,
		String createdBy) {
}
