package org.custodia.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tokens that were found valid a moment ago, with their account. A player asks for many byte ranges a
 * second on several connections; looking the token and its user up for each of them cost more than
 * serving the bytes. An entry lives a few seconds, and is forgotten as soon as a token is revoked or
 * any account changes on this node (after the change commits); on another node of a cluster a
 * revocation takes effect within {@link #FRESH}.
 */
@Component
class RecentTokens {

	static final Duration FRESH = Duration.ofSeconds(5);

	private static final int MOST = 10_000;

	private record Recent(UserAccount user, Instant checkedAt, long accountChanges) {
	}

	private final Map<String, Recent> recent = new ConcurrentHashMap<>();

	private final UserRepository users;

	private final Clock clock;

	RecentTokens(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	/** The account of a token found valid less than {@link #FRESH} ago, with no account changed since. */
	Optional<UserAccount> find(String token) {
		Recent found = recent.get(ApiTokens.hash(token));
		if (found == null || found.accountChanges() != users.changes()
				|| !clock.instant().isBefore(found.checkedAt().plus(FRESH))) {
			return Optional.empty();
		}
		return Optional.of(found.user());
	}

	void remember(String token, UserAccount user, long accountChangesBefore) {
		if (recent.size() >= MOST) {
			recent.clear();
		}
		recent.put(ApiTokens.hash(token), new Recent(user, clock.instant(), accountChangesBefore));
	}

	/** Forgets every token now and again once the current transaction commits (a revocation, say). */
	void forgetAll() {
		recent.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					recent.clear();
				}
			});
		}
	}
}
