package org.custodia.identity;

import java.util.Map;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.FootageRoles;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user changes his password, or an administrator resets it to a one-time password. Either ends the
 * user's sessions signed in until then and revokes his API tokens, in the transaction of the change.
 */
@Component
public class PasswordChanges {

	/**
	 * The session attribute holding the account's session generation at sign-in (see {@link UserAccount}):
	 * a session of an older generation has ended. Its value names the filter that first kept it, so that
	 * sessions open across an upgrade go on.
	 */
	public static final String SESSION_GENERATION = "org.custodia.identity.AccountRefreshFilter.generation";

	private final UserRepository users;

	private final ApiTokens tokens;

	private final RoleGrants grants;

	private final PolicyDecisions decisions;

	private final PasswordEncoder passwords;

	private final Ledger ledger;

	PasswordChanges(UserRepository users, ApiTokens tokens, RoleGrants grants, PolicyDecisions decisions,
			PasswordEncoder passwords, Ledger ledger) {
		this.users = users;
		this.tokens = tokens;
		this.grants = grants;
		this.decisions = decisions;
		this.passwords = passwords;
		this.ledger = ledger;
	}

	/**
	 * The user's own change; the old password must be given. Returns the session generation under which
	 * the session that asked goes on: every other one has ended.
	 */
	@Transactional
	public int change(Actor actor, String currentPassword, String newPassword) {
		UserAccount user = users.findById(actor.userId()).orElseThrow();
		if (currentPassword == null || !passwords.matches(currentPassword, user.passwordHash())) {
			throw CustodiaException.badRequest("error.current-password-wrong");
		}
		PasswordRules.check(user.username(), newPassword);
		if (passwords.matches(newPassword, user.passwordHash())) {
			throw CustodiaException.badRequest("error.password-unchanged");
		}
		users.updatePassword(user.userId(), passwords.encode(newPassword), false);
		int generation = users.endSessions(user.userId());
		int revoked = tokens.revokeAllOf(user.userId());
		ledger.append(LedgerEvent.by(actor, user.agencyCode(), "auth.password-changed", "user", user.userId().toString(),
				Map.of("username", user.username(), "wasOneTime", user.mustChangePassword(), "sessionsEnded", true,
						"tokensRevoked", revoked)));
		return generation;
	}

	/**
	 * An administrator gives a user a new one-time password. The roles that see footage are asked for
	 * again, so that whoever knows the new password cannot watch footage until a second person confirms.
	 */
	@Transactional
	public void reset(Actor actor, UUID userId, String initialPassword) {
		UserAccount user = users.findById(userId)
			.orElseThrow(() -> CustodiaException.notFound("error.user-not-found", userId));
		if (user.agencyCode() == null ? !actor.isInstallationAdministrator() : !actor.belongsTo(user.agencyCode())) {
			throw CustodiaException.notFound("error.user-not-found", userId);
		}
		if (user.agencyCode() != null) {
			decisions.decide(actor, Action.MANAGE_USERS, user.agencyCode()).orThrow();
		}
		if (user.userId().equals(actor.userId())) {
			throw CustodiaException.badRequest("error.reset-own-password");
		}
		PasswordRules.check(user.username(), initialPassword);
		users.updatePassword(user.userId(), passwords.encode(initialPassword), true);
		users.endSessions(user.userId());
		int revoked = tokens.revokeAllOf(user.userId());
		ledger.append(LedgerEvent.by(actor, user.agencyCode(), "auth.password-reset", "user", user.userId().toString(),
				Map.of("username", user.username(), "sessionsEnded", true, "tokensRevoked", revoked)));
		if (user.agencyCode() != null && !FootageRoles.among(user.roles()).isEmpty()) {
			grants.assign(actor, user, grants.askedRoles(user), RoleGrant.Reason.PASSWORD_RESET, true);
		}
	}
}
