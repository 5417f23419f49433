package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTests {

	@Test
	void sortsKeysByUtf16CodeUnitsAndEscapesMinimally() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("\u20ac", "Euro Sign");
		value.put("\r", "Carriage Return");
		value.put("\ud83d\ude00", "Emoji: Grinning Face");
		value.put("1", "One");
		value.put("\u0080", "Control\u007f");
		value.put("\u00f6", "Latin Small Letter O With Diaeresis");
		// RFC 8785 §3.2.3's sorting example.
		assertThat(CanonicalJson.write(value)).isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\u007f\","
				+ "\"\u00f6\":\"Latin Small Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\"}");
	}

	@Test
	void writesIntegersNullsBooleansArraysAndChinese() {
		assertThat(CanonicalJson.write(Map.of("n", -42, "b", true, "z", List.of(1, "二"), "x", Map.of())))
			.isEqualTo("{\"b\":true,\"n\":-42,\"x\":{},\"z\":[1,\"二\"]}");
		assertThat(CanonicalJson.write(java.util.Collections.singletonMap("k", null))).isEqualTo("{\"k\":null}");
		assertThat(CanonicalJson.write("tab\there \u0001")).isEqualTo("\"tab\\there \\u0001\"");
	}

	@Test
	void refusesFractionsAndUnsafeIntegers() {
		assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", 1L << 60))).isInstanceOf(IllegalArgumentException.class);
	}
}
