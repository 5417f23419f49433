package org.custodia.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
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

	/**
	 * Written member by member in the canonical order (action, actor{name, roles}, agency, payload, seq,
	 * subject{id, type}, time, v), not through a map to be sorted: every change of the system passes here.
	 * The test vectors hold it to the general canonicalization.
	 */
	private static String encode(long sequence, Instant time, String agency, String actor, String actorRoles,
			String action, String subjectType, String subjectId, Object payload) {
		StringBuilder out = new StringBuilder(512);
		out.append("{\"action\":");
		CanonicalJson.appendString(out, action);
		out.append(",\"actor\":{\"name\":");
		CanonicalJson.appendString(out, actor);
		out.append(",\"roles\":[");
		List<String> roles = roles(actorRoles);
		for (int i = 0; i < roles.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			CanonicalJson.appendString(out, roles.get(i));
		}
		out.append("]},\"agency\":");
		CanonicalJson.append(out, agency);
		out.append(",\"payload\":");
		CanonicalJson.append(out, payload);
		out.append(",\"seq\":");
		CanonicalJson.append(out, sequence);
		out.append(",\"subject\":{\"id\":");
		CanonicalJson.appendString(out, subjectId);
		out.append(",\"type\":");
		CanonicalJson.appendString(out, subjectType);
		out.append("},\"time\":\"");
		TIME.formatTo(time, out);
		return out.append("\",\"v\":").append(VERSION).append('}').toString();
	}

	static List<String> roles(String actorRoles) {
		return actorRoles == null || actorRoles.isEmpty() ? List.of()
				: Arrays.stream(actorRoles.split(",")).sorted().toList();
	}
}
