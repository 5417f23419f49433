package org.custodia.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;
import org.custodia.shared.Role;
import org.custodia.shared.RoleCode;

import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A request to give a user roles that see footage, and what became of it.
 *
 * @param roles the roles the user holds once it is confirmed
 * @param addedRoles the footage roles it adds, which wait for confirmation (or are held unconfirmed)
 * @param reason why the roles were asked for
 * @param confirmedBy the role that confirms it in this agency (the policy's {@code accounts})
 * @param mayDecide whether the user who asks may confirm or refuse it now
 */
public record RoleGrant(UUID id, UUID userId, String username, String displayName, String agency,
		@JsonSerialize(contentUsing = RoleCode.class) Set<Role> roles,
		@JsonSerialize(contentUsing = RoleCode.class) Set<Role> addedRoles, State state, Reason reason,
		String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt, String note,
		@JsonSerialize(using = RoleCode.class) Role confirmedBy, boolean mayDecide) {

	public RoleGrant {
		roles = RoleCode.sorted(roles);
		addedRoles = RoleCode.sorted(addedRoles);
	}

	/** Why roles were asked for; stored and shown by its code. */
	public enum Reason {

		CREATED("created"),
		ROLES_CHANGED("roles-changed"),
		/** A password reset by an administrator asks again for every footage role. */
		PASSWORD_RESET("password-reset");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return code;
		}

		static Reason fromCode(String code) {
			for (Reason reason : values()) {
				if (reason.code.equals(code)) {
					return reason;
				}
			}
			throw new IllegalArgumentException("unknown role grant reason: " + code);
		}
	}

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
