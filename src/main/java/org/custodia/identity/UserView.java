package org.custodia.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API and pages show it: never a password hash. */
public record UserView(UUID id, String username, String displayName, String agency, UUID unitId, List<String> roles,
		boolean mustChangePassword, boolean locked, Instant createdAt, Instant lastLoginAt) {
}
