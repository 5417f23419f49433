package org.custodia.shared;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Someone for services to act for in tests, without an account behind. */
public record TestActor(UUID userId, String username, Optional<String> agency, Set<Role> roles) implements Actor {

	public static TestActor of(String username, String agency, Role... roles) {
		return new TestActor(UUID.nameUUIDFromBytes(username.getBytes(java.nio.charset.StandardCharsets.UTF_8)), username,
				Optional.of(agency), Set.of(roles));
	}
}
