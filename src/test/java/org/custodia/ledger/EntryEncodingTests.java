package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The entry written member by member is the RFC 8785 canonical form of the entry as a map, whatever it holds. */
class EntryEncodingTests {

	@Test
	void writesTheCanonicalFormOfTheEntryAsAMap() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("名称", "执法记录仪\n\"引号\"\\\u0001");
		payload.put("b", List.of(1, -9007199254740991L, true));
		payload.put("a", null);
		Instant[] times = { Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("1999-01-02T03:04:05.006Z") };
		String[] agencies = { null, "zhanhe-health" };
		String[] roles = { "", "officer", "unit-head,custodian,legal-head" };
		for (Instant time : times) {
			for (String agency : agencies) {
				for (String role : roles) {
					Map<String, Object> entry = new LinkedHashMap<>();
					entry.put("v", 1);
					entry.put("seq", 4_503_599_627_370_496L);
					entry.put("time", EntryEncoding.TIME.format(time));
					entry.put("agency", agency);
					entry.put("actor", Map.of("name", "system:\u00e9\t", "roles", EntryEncoding.roles(role)));
					entry.put("action", "recording.ingested");
					entry.put("subject", Map.of("type", "recording", "id", "\u2028id"));
					entry.put("payload", payload);
					String expected = CanonicalJson.write(entry);
					assertThat(EntryEncoding.canonical(4_503_599_627_370_496L, time, agency, "system:\u00e9\t", role,
							"recording.ingested", "recording", "\u2028id", payload)).isEqualTo(expected);
					assertThat(EntryEncoding.canonical(4_503_599_627_370_496L, time, agency, "system:\u00e9\t", role,
							"recording.ingested", "recording", "\u2028id", CanonicalJson.write(payload))).isEqualTo(expected);
				}
			}
		}
	}
}
