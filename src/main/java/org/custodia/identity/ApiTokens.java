package org.custodia.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the REST API. Only the SHA-256 of a token is stored; a token carries the
 * rights its user has at the time of each request, expires, and can be revoked.
 */
@Component
public class ApiTokens {

	static final String PREFIX = "cst_";

	static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);

	static final Duration MAXIMUM_LIFETIME = Duration.ofDays(365);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final Ledger ledger;

	private final Clock clock;

	private final RecentTokens recent;

	ApiTokens(JdbcClient jdbc, UserRepository users, RecentTokens recent, Ledger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.recent = recent;
		this.users = users;
		this.ledger = ledger;
		this.clock = clock;
	}

	static final String PASSWORD_FIRST = "custodia: no API token while a one-time password waits to be changed";

	/** A new token for the user; refused while his password must be changed (a one-time password). */
	@Transactional
	public IssuedToken issue(Actor actor, String name, Duration lifetime) {
		if (users.findById(actor.userId()).map(UserAccount::mustChangePassword).orElse(true)) {
			throw CustodiaException.forbidden("error.token-needs-password-change", PASSWORD_FIRST);
		}
		Duration effective = lifetime == null ? DEFAULT_LIFETIME : lifetime;
		if (effective.isNegative() || effective.isZero() || effective.compareTo(MAXIMUM_LIFETIME) > 0) {
			throw CustodiaException.badRequest("error.token-lifetime", MAXIMUM_LIFETIME.toDays());
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expiresAt = now.plus(effective);
		String label = name == null || name.isBlank() ? "api" : name.strip();
		jdbc.sql("""
				insert into identity_api_token (id, user_id, name, token_hash, prefix, created_at, expires_at)
				values (:id, :user, :name, :hash, :prefix, :now, :expires)""")
			.param("id", id)
			.param("user", actor.userId())
			.param("name", label.length() > 100 ? label.substring(0, 100) : label)
			.param("hash", hash(token))
			.param("prefix", token.substring(0, 12))
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(expiresAt))
			.update();
		ledger.append(LedgerEvent.by(actor, actor.agency().orElse(null), "auth.token-created", "api-token",
				id.toString(), Map.of("name", label, "prefix", token.substring(0, 12), "expiresAt", expiresAt.toString())));
		return new IssuedToken(id, token, "Bearer", expiresAt);
	}

	@Transactional(readOnly = true)
	public List<ApiTokenView> list(Actor actor) {
		return jdbc.sql("""
				select id, name, prefix, created_at, expires_at, revoked_at, last_used_at from identity_api_token
				where user_id = :user order by created_at desc""")
			.param("user", actor.userId())
			.query((rs, row) -> new ApiTokenView(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("prefix"), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("expires_at")),
					instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_used_at"))))
			.list();
	}

	@Transactional
	public void revoke(Actor actor, UUID tokenId) {
		int changed = jdbc.sql("""
				update identity_api_token set revoked_at = :now
				where id = :id and user_id = :user and revoked_at is null""")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", tokenId)
			.param("user", actor.userId())
			.update();
		if (changed == 0) {
			throw CustodiaException.notFound("error.token-not-found", tokenId);
		}
		recent.forgetAll();
		ledger.append(LedgerEvent.by(actor, actor.agency().orElse(null), "auth.token-revoked", "api-token",
				tokenId.toString(), Map.of()));
	}

	/** Revokes every token of the user, in the caller's transaction (which writes the ledger entry); how many. */
	int revokeAllOf(UUID userId) {
		int revoked = jdbc.sql("update identity_api_token set revoked_at = :now where user_id = :user and revoked_at is null")
			.param("now", Timestamp.from(clock.instant()))
			.param("user", userId)
			.update();
		recent.forgetAll();
		return revoked;
	}

	/** The user of a valid token: known, not revoked, not expired, the account usable. */
	@Transactional
	Optional<UserAccount> authenticate(String token) {
		if (token == null || !token.startsWith(PREFIX)) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Optional<UUID> userId = jdbc.sql("""
				select user_id from identity_api_token
				where token_hash = :hash and revoked_at is null and expires_at > :now""")
			.param("hash", hash(token))
			.param("now", Timestamp.from(now))
			.query((rs, row) -> rs.getObject("user_id", UUID.class))
			.optional();
		// At most once a minute: a player fetching ranges on many connections would otherwise queue on
		// this one row's lock (a second each on H2) for a figure shown to the minute.
		userId.ifPresent(id -> jdbc.sql("""
				update identity_api_token set last_used_at = :now
				where token_hash = :hash and (last_used_at is null or last_used_at < :minuteAgo)
				/* no-ledger: when a token was last used is telemetry, not a change of state */""")
			.param("now", Timestamp.from(now))
			.param("minuteAgo", Timestamp.from(now.minusSeconds(60)))
			.param("hash", hash(token))
			.update());
		return userId.flatMap(users::findById).filter(user -> user.enabled() && !user.locked());
	}

	/** See {@link UserRepository#changes()}: read before authenticating, so a change meanwhile is not missed. */
	long accountChanges() {
		return users.changes();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
