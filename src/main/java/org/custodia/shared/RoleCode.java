package org.custodia.shared;

import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.SortedSet;
import java.util.TreeSet;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * A role in JSON as its code ({@code legal-head}), where the API has always shown roles so (users, role
 * grants, work records); lists of roles come in the order of their codes. Policy decisions name the
 * approver by the enum's name.
 */
public final class RoleCode extends StdSerializer<Role> {

	public RoleCode() {
		super(Role.class);
	}

	@Override
	public void serialize(Role role, JsonGenerator json, SerializationContext context) {
		json.writeString(role.code());
	}

	/** The roles in the order of their codes, unmodifiable. */
	public static SortedSet<Role> sorted(Collection<Role> roles) {
		SortedSet<Role> sorted = new TreeSet<>(Comparator.comparing(Role::code));
		sorted.addAll(roles);
		return Collections.unmodifiableSortedSet(sorted);
	}
}
