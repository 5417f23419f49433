package org.custodia.identity;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;

import org.custodia.shared.Role;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A role in the JSON of users and role grants as its code ({@code legal-head}), as the API has always
 * shown them there; lists of roles come in the order of their codes.
 */
final class RoleCode extends StdSerializer<Role> {

	RoleCode() {
		super(Role.class);
	}

	@Override
	public void serialize(Role role, JsonGenerator json, SerializationContext context) {
		json.writeString(role.code());
	}

	/** The roles in the order of their codes, unmodifiable. */
	static SortedSet<Role> sorted(Collection<Role> roles) {
		SortedSet<Role> sorted = new TreeSet<>(Comparator.comparing(Role::code));
		sorted.addAll(roles);
		return Collections.unmodifiableSortedSet(sorted);
	}
}
