package org.custodia.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts wrong passwords and locks the account for the period the agency's policy sets; every
 * login, failure and lockout is a ledger entry.
 */
@Component
class LoginAttempts {

	/** For the installation administrator, who has no agency: the same defaults the shipped policies use. */
	static final AgencyPolicy.Login INSTALLATION_DEFAULT = new AgencyPolicy.Login(5, 15, 30, "custodia: account security");

	private final UserRepository users;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	private final LoginThrottle throttle;

	LoginAttempts(UserRepository users, Policies policies, Ledger ledger, Clock clock, LoginThrottle throttle) {
		this.users = users;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
		this.throttle = throttle;
	}

	AgencyPolicy.Login rulesFor(UserAccount user) {
		return user.agencyCode() == null ? INSTALLATION_DEFAULT : policies.of(user.agencyCode()).login();
	}

	@Transactional
	void succeeded(UserAccount user, LoginOrigin origin) {
		throttle.succeeded(origin.address(), user.username());
		users.recordLogin(user.userId());
		ledger.append(LedgerEvent.by(user, user.agencyCode(), "auth.login", "user",
				user.userId().toString(), Map.of("channel", origin.channel(), "address", origin.address())));
	}

	@Transactional
	void failed(String username, LoginOrigin origin) {
		if (throttle.failed(origin.address(), username)) {
			ledger.append(LedgerEvent.bySystem("login", null, "auth.address-throttled", "address", origin.address(),
					Map.of("channel", origin.channel(), "username", truncate(username), "minutes", LoginThrottle.WINDOW.toMinutes())));
		}
		var found = users.findByUsername(username);
		if (found.isEmpty()) {
			ledger.append(LedgerEvent.bySystem("login", null, "auth.login-failed", "username", truncate(username),
					Map.of("channel", origin.channel(), "address", origin.address(), "reason", "unknown-user")));
			return;
		}
		UserAccount user = found.get();
		AgencyPolicy.Login rules = rulesFor(user);
		int attempts = user.failedAttempts() + 1;
		ledger.append(LedgerEvent.by(user, user.agencyCode(), "auth.login-failed", "user",
				user.userId().toString(), Map.of("channel", origin.channel(), "address", origin.address(), "reason", "bad-credentials",
						"attempt", attempts)));
		if (attempts >= rules.lockoutThreshold()) {
			Instant until = clock.instant().plus(Duration.ofMinutes(rules.lockoutMinutes()));
			users.recordFailure(user.userId(), 0, until);
			ledger.append(LedgerEvent.by(user, user.agencyCode(), "auth.locked-out", "user",
					user.userId().toString(), Map.of("until", until.toString(), "attempts", attempts, "cite", rules.cite())));
		}
		else {
			users.recordFailure(user.userId(), attempts, user.lockedUntil());
		}
	}

	private static String truncate(String username) {
		return username.length() > 64 ? username.substring(0, 64) : username;
	}
}
