package org.custodia.policy;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;

/** A user of an agency known only by his roles: for "may role R do A" and for decisions about someone named. */
record RoleHolder(String code, Set<Role> roles) implements Actor {

	@Override
	public UUID userId() {
		return new UUID(0, 0);
	}

	@Override
	public String username() {
		return "(" + String.join(", ", roles.stream().map(Role::code).sorted().toList()) + ")";
	}

	@Override
	public Optional<String> agency() {
		return Optional.of(code);
	}
}
