package org.custodia.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.custodia.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class UserRepository {

	private static final String COLUMNS = """
			select id, username, display_name, agency_code, unit_id, password_hash, must_change_password, locale,
			       failed_attempts, locked_until, enabled, created_at, last_login_at, session_generation
			from identity_user""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AtomicLong changes = new AtomicLong();

	UserRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A number that grows whenever an account changes here, and again when that change commits. */
	long changes() {
		return changes.get();
	}

	private void changed() {
		changes.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					changes.incrementAndGet();
				}
			});
		}
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql(COLUMNS + " where username = :username").param("username", username).query(this::map).optional()
			.map(this::withRoles);
	}

	Optional<UserAccount> findById(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(this::map).optional().map(this::withRoles);
	}

	/** Users of one agency, or all users when the agency is null, ordered by user name. */
	List<UserAccount> list(String agencyCode) {
		String where = agencyCode == null ? "" : " where agency_code = :agency";
		var statement = jdbc.sql(COLUMNS + where + " order by username");
		if (agencyCode != null) {
			statement = statement.param("agency", agencyCode);
		}
		return statement.query(this::map).list().stream().map(this::withRoles).toList();
	}

	boolean exists(String username) {
		return jdbc.sql("select count(*) from identity_user where username = :username")
			.param("username", username)
			.query(Long.class)
			.single() > 0;
	}

	long count() {
		return jdbc.sql("select count(*) from identity_user").query(Long.class).single();
	}

	void insert(UUID id, String username, String displayName, String agencyCode, UUID unitId, String passwordHash,
			boolean mustChangePassword, String locale, Set<Role> roles) {
		changed();
		jdbc.sql("""
				insert into identity_user (id, username, display_name, agency_code, unit_id, password_hash,
				    must_change_password, locale, failed_attempts, enabled, created_at)
				values (:id, :username, :displayName, :agency, :unit, :hash, :mustChange, :locale, 0, true, :now)""")
			.param("id", id)
			.param("username", username)
			.param("displayName", displayName)
			.param("agency", agencyCode)
			.param("unit", unitId)
			.param("hash", passwordHash)
			.param("mustChange", mustChangePassword)
			.param("locale", locale)
			.param("now", now())
			.update();
		replaceRoles(id, roles);
	}

	void replaceRoles(UUID id, Set<Role> roles) {
		changed();
		jdbc.sql("delete from identity_user_role where user_id = :id").param("id", id).update();
		for (Role role : roles) {
			jdbc.sql("insert into identity_user_role (user_id, role) values (:id, :role)")
				.param("id", id)
				.param("role", role.name())
				.update();
		}
	}

	void updateUnit(UUID id, UUID unitId) {
		changed();
		jdbc.sql("update identity_user set unit_id = :unit where id = :id").param("unit", unitId).param("id", id).update();
	}

	void disable(UUID id) {
		changed();
		jdbc.sql("update identity_user set enabled = false where id = :id").param("id", id).update();
	}

	void updatePassword(UUID id, String passwordHash, boolean mustChange) {
		changed();
		jdbc.sql("""
				update identity_user set password_hash = :hash, must_change_password = :mustChange,
				    failed_attempts = 0, locked_until = null where id = :id""")
			.param("hash", passwordHash)
			.param("mustChange", mustChange)
			.param("id", id)
			.update();
	}

	/** Ends every session signed in so far; returns the generation the sessions signed in from now on carry. */
	int endSessions(UUID id) {
		changed();
		jdbc.sql("update identity_user set session_generation = session_generation + 1 where id = :id").param("id", id)
			.update();
		return jdbc.sql("select session_generation from identity_user where id = :id").param("id", id)
			.query(Integer.class).single();
	}

	/** The enabled users of an agency who hold the role now. */
	List<UserAccount> holding(String agencyCode, Role role) {
		return jdbc.sql(COLUMNS + " where agency_code = :agency and enabled"
				+ " and id in (select user_id from identity_user_role where role = :role) order by username")
			.param("agency", agencyCode)
			.param("role", role.name())
			.query(this::map).list().stream().map(this::withRoles).toList();
	}

	void recordFailure(UUID id, int failedAttempts, Instant lockedUntil) {
		changed();
		jdbc.sql("update identity_user set failed_attempts = :attempts, locked_until = :until where id = :id")
			.param("attempts", failedAttempts)
			.param("until", lockedUntil == null ? null : Timestamp.from(lockedUntil))
			.param("id", id)
			.update();
	}

	void recordLogin(UUID id) {
		changed();
		jdbc.sql("update identity_user set failed_attempts = 0, locked_until = null, last_login_at = :now where id = :id")
			.param("now", now())
			.param("id", id)
			.update();
	}

	void updateLocale(UUID id, String locale) {
		changed();
		jdbc.sql("update identity_user set locale = :locale where id = :id").param("locale", locale).param("id", id).update();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private Set<Role> roles(UUID id) {
		List<String> names = jdbc.sql("select role from identity_user_role where user_id = :id")
			.param("id", id)
			.query(String.class)
			.list();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		names.forEach(name -> roles.add(Role.valueOf(name)));
		return roles;
	}

	private UserAccount map(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Instant lockedUntil = instant(rs, "locked_until");
		boolean locked = lockedUntil != null && lockedUntil.isAfter(clock.instant());
		return new UserAccount(id, rs.getString("username"), rs.getString("display_name"), rs.getString("agency_code"),
				rs.getObject("unit_id", UUID.class), rs.getString("password_hash"), rs.getBoolean("must_change_password"),
				rs.getString("locale"), rs.getInt("failed_attempts"), lockedUntil, locked, rs.getBoolean("enabled"),
				Set.of(), instant(rs, "created_at"), instant(rs, "last_login_at"), rs.getInt("session_generation"));
	}

	// Roles are read after the user's row, never inside its row mapper: a query there would take a second
	// connection while the first is held, and under load every connection of the pool waits for another.
	private UserAccount withRoles(UserAccount user) {
		return new UserAccount(user.userId(), user.username(), user.displayName(), user.agencyCode(), user.unitId(),
				user.passwordHash(), user.mustChangePassword(), user.locale(), user.failedAttempts(), user.lockedUntil(),
				user.locked(), user.enabled(), Set.copyOf(roles(user.userId())), user.createdAt(), user.lastLoginAt(),
				user.sessionGeneration());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
