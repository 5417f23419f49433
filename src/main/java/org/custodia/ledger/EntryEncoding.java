package org.custodia.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes of a ledger entry, as specified in {@code docs/ledger-format.md}: an RFC 8785 canonical
 * JSON object with the fields below; its leaf hash is SHA-256(0x00 ‖ bytes).
 */
final class EntryEncoding {

	static final int VERSION = 1;

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private EntryEncoding() {
	}

	static String canonical(long sequence, Instant time, String agency, String actor, String actorRoles, String action,
			String subjectType, String subjectId, Map<String, Object> payload) {
		return encode(sequence, time, agency, actor, actorRoles, action, subjectType, subjectId, payload);
	}

	/** The same with the payload given as its canonical JSON text (as the ledger's payload column holds it). */
	static String canonical(long sequence, Instant time, String agency, String actor, String actorRoles, String action,
			String subjectType, String subjectId, String canonicalPayload) {
		return encode(sequence, time, agency, actor, actorRoles, action, subjectType, subjectId,
				new CanonicalJson.Canonical(canonicalPayload));
	}

	private static String encode(long sequence, Instant time, String agency, String actor, String actorRoles,
			String action, String subjectType, String subjectId, Object payload) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("v", VERSION);
		entry.put("seq", sequence);
		entry.put("time", TIME.format(time));
		entry.put("agency", agency);
		entry.put("actor", Map.of("name", actor, "roles", roles(actorRoles)));
		entry.put("action", action);
		entry.put("subject", Map.of("type", subjectType, "id", subjectId));
		entry.put("payload", payload);
		return CanonicalJson.write(entry);
	}

	static List<String> roles(String actorRoles) {
		return actorRoles == null || actorRoles.isEmpty() ? List.of()
				: Arrays.stream(actorRoles.split(",")).sorted().toList();
	}
}
