package org.custodia.activity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case (案件) of an agency: its number is unique in the agency; {@code handlers} are the ids of the
 * staff who handle it (案件承办人).
 */
public record EnforcementCase(UUID id, String agency, String number, String name, CaseStatus status, Instant createdAt,
		String createdBy, List<UUID> handlers) {

	public EnforcementCase {
		handlers = handlers == null ? List.of() : List.copyOf(handlers);
	}

	/** A case without handlers, as it is opened before any are assigned. */
	public EnforcementCase(UUID id, String agency, String number, String name, CaseStatus status, Instant createdAt,
			String createdBy) {
		this(id, agency, number, name, status, createdAt, createdBy, List.of());
	}

	EnforcementCase withHandlers(List<UUID> handlers) {
		return new EnforcementCase(id, agency, number, name, status, createdAt, createdBy, handlers);
	}
}
