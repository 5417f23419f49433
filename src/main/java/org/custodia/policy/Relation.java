package org.custodia.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * A condition of a permission that is not a role: how the user stands to the record. The caller knows it
 * and passes it in {@link Facts}; the policy file names it in a grant's {@code relation}.
 */
public enum Relation {

	/** The user is one of the officers of the activity. */
	ACTIVITY_PARTICIPANT;

	/** The name in policy files and message keys: {@code own-recording}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	static Relation fromCode(String code) {
		return Arrays.stream(values())
			.filter(relation -> relation.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown relation: " + code));
	}
}
