package org.custodia.shared;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The user on whose behalf a request runs. An installation administrator has no agency and
 * manages every agency; everybody else belongs to exactly one.
 */
public interface Actor {

	UUID userId();

	String username();

	/** The agency code, empty for the installation administrator. */
	Optional<String> agency();

	Set<Role> roles();

	default boolean has(Role role) {
		return roles().contains(role);
	}

	default boolean isInstallationAdministrator() {
		return agency().isEmpty() && has(Role.ADMINISTRATOR);
	}

	/**
	 * The agency a request is about: the one it names, else the actor's own. A request that names none
	 * from the installation administrator, who belongs to no agency, is bad input (400).
	 */
	default String agencyOf(String requested) {
		if (requested != null) {
			return requested;
		}
		return agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
	}

	/** Whether this actor may see data of the given agency at all (tenant isolation). */
	default boolean belongsTo(String agencyCode) {
		return isInstallationAdministrator() || agency().map(agencyCode::equals).orElse(false);
	}
}
