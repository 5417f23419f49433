package org.custodia.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.custodia.shared.Role;
import org.custodia.shared.RoleCode;

import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A user as the API and pages show it: never a password hash. {@code roles} are the roles he holds now;
 * {@code pendingRoles} wait for a second person's confirmation and are not held yet;
 * {@code unconfirmedRoles} are held but shown as unconfirmed until someone confirms them. In JSON each
 * role is its code ({@code legal-head}), in the order of the codes. {@code enabled} is false once he has left the
 * agency: he signs in no more and holds no approval.
 */
public record UserView(UUID id, String username, String displayName, String agency, UUID unitId,
		@JsonSerialize(contentUsing = RoleCode.class) Set<Role> roles, boolean mustChangePassword, boolean locked,
		Instant createdAt, Instant lastLoginAt, @JsonSerialize(contentUsing = RoleCode.class) Set<Role> pendingRoles,
		@JsonSerialize(contentUsing = RoleCode.class) Set<Role> unconfirmedRoles, boolean enabled) {

	public UserView {
		roles = RoleCode.sorted(roles);
		pendingRoles = RoleCode.sorted(pendingRoles);
		unconfirmedRoles = RoleCode.sorted(unconfirmedRoles);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}
}
