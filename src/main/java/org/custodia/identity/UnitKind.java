package org.custodia.identity;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of unit, as the policy files, the API and the message keys name them. */
public enum UnitKind {

	ENFORCEMENT("enforcement"),
	SECTION("section"),
	OFFICE("office"),
	SERVICE_HALL("service-hall"),
	/** The legal department (法制机构), home of the legal head. */
	LEGAL("legal");

	private final String code;

	UnitKind(String code) {
		this.code = code;
	}

	@JsonValue
	public String code() {
		return code;
	}

	public static Optional<UnitKind> fromCode(String code) {
		return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
	}
}
