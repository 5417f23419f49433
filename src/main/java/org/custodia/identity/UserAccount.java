package org.custodia.identity;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user as the security layer sees it; {@code locked} is computed against the clock when loaded.
 * {@code sessionGeneration} grows with each password change: a session signed in under an older one has ended.
 */
record UserAccount(UUID userId, String username, String displayName, String agencyCode, UUID unitId,
		String passwordHash, boolean mustChangePassword, String locale, int failedAttempts, Instant lockedUntil,
		boolean locked, boolean enabled, Set<Role> roles, Instant createdAt, Instant lastLoginAt,
		int sessionGeneration) implements Actor, UserDetails {

	@Override
	public Optional<String> agency() {
		return Optional.ofNullable(agencyCode);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	UserView view() {
		return view(Set.of(), Set.of());
	}

	/** The view with the roles that wait for confirmation and those held but not yet confirmed. */
	UserView view(Set<Role> pending, Set<Role> unconfirmed) {
		return new UserView(userId, username, displayName, agencyCode, unitId, roles, mustChangePassword, locked,
				createdAt, lastLoginAt, pending, unconfirmed, enabled);
	}
}
