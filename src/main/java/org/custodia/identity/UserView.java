package org.custodia.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user as the API and pages show it: never a password hash. {@code roles} are the roles he holds now;
 * {@code pendingRoles} wait for a second person's confirmation and are not held yet;
 * {@code unconfirmedRoles} are held but shown as unconfirmed until someone confirms them.
 */
public record UserView(UUID id, String username, String displayName, String agency, UUID unitId, List<String> roles,
		boolean mustChangePassword, boolean locked, Instant createdAt, Instant lastLoginAt, List<String> pendingRoles,
		List<String> unconfirmedRoles) {
}
