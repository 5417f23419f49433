package org.custodia.ledger;

import java.time.Instant;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An appended event with its place in the log: {@code entry} is its canonical JSON, the bytes whose
 * SHA-256(0x00 ‖ bytes) is {@code leafHash} (hex).
 */
public record LedgerEntry(long sequence, Instant occurredAt, String agency, String actor, String actorRoles,
		String action, String subjectType, String subjectId, String payloadJson, String entry, String leafHash) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The payload's members: strings, integers ({@code Integer} or {@code Long}), booleans, lists, maps. */
	public Map<String, Object> payload() {
		return JSON.readValue(payloadJson, new TypeReference<Map<String, Object>>() {
		});
	}
}
