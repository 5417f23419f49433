package org.custodia.shared;

import java.util.Arrays;

/** What a user may be in an agency; a user may hold several roles. */
public enum Role {

	OFFICER("officer"),
	CUSTODIAN("custodian"),
	/** The head of a unit (科室负责人): reviews the unit's work records, may play back its recordings. */
	UNIT_HEAD("unit-head"),
	LEGAL_HEAD("legal-head"),
	CHIEF("chief"),
	LEADER_IN_CHARGE("leader-in-charge"),
	SUPERVISOR("supervisor"),
	ADMINISTRATOR("administrator");

	private final String code;

	Role(String code) {
		this.code = code;
	}

	/** The kebab-case name used in policy files, the API and message keys. */
	public String code() {
		return code;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	public static Role fromCode(String code) {
		return Arrays.stream(values())
			.filter(role -> role.code.equals(code) || role.name().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown role: " + code));
	}
}
