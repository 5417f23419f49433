package org.custodia.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;

/**
 * The workstation itself importing a docked volume, as the agency's custodian: the ledger entries and
 * the recordings name it {@code dock:<volume>}, so nobody mistakes an automatic import for a person's.
 */
record DockActor(String volume, String agencyCode) implements Actor {

	@Override
	public UUID userId() {
		return UUID.nameUUIDFromBytes(username().getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String username() {
		return "dock:" + volume;
	}

	@Override
	public Optional<String> agency() {
		return Optional.of(agencyCode);
	}

	@Override
	public Set<Role> roles() {
		return Set.of(Role.CUSTODIAN);
	}
}
