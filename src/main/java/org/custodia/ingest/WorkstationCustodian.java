package org.custodia.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;

/**
 * The workstation importing as the agency's custodian when no signed-in person does: whoever sits at
 * its console, the dock importing a volume by itself, the demo. The ledger entries and recordings name
 * it, so nobody mistakes an automatic import for a person's.
 */
record WorkstationCustodian(String username, String agencyCode) implements Actor {

	/** Whoever sits at the workstation's console; the ledger names the operating-system account. */
	static WorkstationCustodian console(String agency) {
		return new WorkstationCustodian("console:" + System.getProperty("user.name", "unknown"), agency);
	}

	/** The dock importing a volume by itself: {@code dock:<volume>}. */
	static WorkstationCustodian dock(String volume, String agency) {
		return new WorkstationCustodian("dock:" + volume, agency);
	}

	/** The demo switch filling a fresh installation. */
	static WorkstationCustodian demo(String agency) {
		return new WorkstationCustodian("demo", agency);
	}

	@Override
	public UUID userId() {
		return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8));
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
