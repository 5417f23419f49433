package org.custodia.policy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.custodia.shared.Role;

/**
 * The roles that view, approve or copy footage under some rule of this system. Giving one of them
 * to a user takes effect only when a second person confirms it (the policy's {@code accounts}); the
 * administrator's role is never one of them.
 */
public final class FootageRoles {

	/**
	 * The officer plays back his own recordings and asks for clips, the unit head his unit's, the legal
	 * head every recording (the policies' {@code play-back}); the legal head also makes watermarked copies
	 * and approves copies and disposal; the chief and the leader in charge approve viewing and public use
	 * (the policies' {@code access} approvers); supervisors review recordings ({@code review-statements}).
	 * The custodian imports and keeps devices but plays back nothing.
	 */
	public static final Set<Role> ROLES = Collections.unmodifiableSet(EnumSet.of(Role.OFFICER, Role.UNIT_HEAD,
			Role.LEGAL_HEAD, Role.CHIEF, Role.LEADER_IN_CHARGE, Role.SUPERVISOR));

	public static final String RULE = "custodia: a role that sees footage is given only when a second person confirms it "
			+ "(the agency's confirming role; for its first holder another administrator or the legal department)";

	private FootageRoles() {
	}

	/** The footage roles among the given ones. */
	public static Set<Role> among(Set<Role> roles) {
		Set<Role> footage = EnumSet.noneOf(Role.class);
		roles.stream().filter(ROLES::contains).forEach(footage::add);
		return footage;
	}
}
