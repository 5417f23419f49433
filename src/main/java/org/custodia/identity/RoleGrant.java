package org.custodia.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request to give a user roles that see footage, and what became of it.
 *
 * @param roles the roles the user holds once it is confirmed
 * @param addedRoles the footage roles it adds, which wait for confirmation (or are held unconfirmed)
 * @param reason {@code created}, {@code roles-changed} or {@code password-reset}
 * @param confirmedBy the role that confirms it in this agency (the policy's {@code accounts})
 * @param mayDecide whether the user who asks may confirm or refuse it now
 */
public record RoleGrant(UUID id, UUID userId, String username, String displayName, String agency, List<String> roles,
		List<String> addedRoles, State state, String reason, String requestedBy, Instant requestedAt,
		String decidedBy, Instant decidedAt, String note, String confirmedBy, boolean mayDecide) {

	public enum State {

		/** The added roles wait: the user does not hold them until someone confirms. */
		PENDING,
		/**
		 * Nobody in the agency could confirm (it has no confirmed holder of the confirming role yet), so
		 * the user holds that role at once and every page of the agency shows him unconfirmed; the other
		 * added roles wait.
		 */
		UNCONFIRMED,
		CONFIRMED,
		REFUSED,
		/** Replaced by a later change of the same user's roles. */
		SUPERSEDED;

		public boolean open() {
			return this == PENDING || this == UNCONFIRMED;
		}
	}
}
