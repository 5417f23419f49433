package org.custodia.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodia.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RoleGrantRepository {

	/** One request as stored; the ledger has each of its steps. */
	record Row(UUID id, UUID userId, String agency, Set<Role> roles, Set<Role> added, RoleGrant.Reason reason,
			RoleGrant.State state, String requestedBy, UUID requestedById, Instant requestedAt, String decidedBy,
			UUID decidedById, Instant decidedAt, String note) {
	}

	private static final String COLUMNS = """
			select id, user_id, agency_code, roles, added_roles, reason, state, requested_by, requested_by_id, requested_at,
			       decided_by, decided_by_id, decided_at, note from identity_role_grant""";

	private static final String OPEN = "state in ('PENDING', 'UNCONFIRMED')";

	private final JdbcClient jdbc;

	RoleGrantRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Row row) {
		jdbc.sql("""
				insert into identity_role_grant (id, user_id, agency_code, roles, added_roles, reason, state, requested_by,
				    requested_by_id, requested_at)
				values (:id, :user, :agency, :roles, :added, :reason, :state, :by, :byId, :at)""")
			.param("id", row.id())
			.param("user", row.userId())
			.param("agency", row.agency())
			.param("roles", codes(row.roles()))
			.param("added", codes(row.added()))
			.param("reason", row.reason().code())
			.param("state", row.state().name())
			.param("by", row.requestedBy())
			.param("byId", row.requestedById())
			.param("at", Timestamp.from(row.requestedAt()))
			.update();
	}

	/** Closes an open request; false when it was closed meanwhile. */
	boolean close(UUID id, RoleGrant.State state, String by, UUID byId, Instant at, String note) {
		return jdbc.sql("update identity_role_grant set state = :state, decided_by = :by, decided_by_id = :byId, "
				+ "decided_at = :at, note = :note where id = :id and " + OPEN)
			.param("state", state.name())
			.param("by", by)
			.param("byId", byId)
			.param("at", Timestamp.from(at))
			.param("note", note)
			.param("id", id)
			.update() == 1;
	}

	Optional<Row> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(this::map).optional();
	}

	Optional<Row> openOf(UUID userId) {
		return jdbc.sql(COLUMNS + " where user_id = :user and " + OPEN).param("user", userId).query(this::map).optional();
	}

	/** The open requests of an agency, or of all agencies when it is null; oldest first. */
	List<Row> open(String agency) {
		return agency == null ? jdbc.sql(COLUMNS + " where " + OPEN + " order by requested_at").query(this::map).list()
				: jdbc.sql(COLUMNS + " where agency_code = :agency and " + OPEN + " order by requested_at")
					.param("agency", agency).query(this::map).list();
	}

	/** The latest requests of an agency, open or decided, newest first. */
	List<Row> recent(String agency, int limit) {
		return jdbc.sql(COLUMNS + " where agency_code = :agency order by requested_at desc limit :limit")
			.param("agency", agency)
			.param("limit", limit)
			.query(this::map)
			.list();
	}

	private Row map(ResultSet rs, int row) throws SQLException {
		Timestamp decided = rs.getTimestamp("decided_at");
		return new Row(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class), rs.getString("agency_code"),
				roles(rs.getString("roles")), roles(rs.getString("added_roles")), RoleGrant.Reason.fromCode(rs.getString("reason")),
				RoleGrant.State.valueOf(rs.getString("state")), rs.getString("requested_by"),
				rs.getObject("requested_by_id", UUID.class), rs.getTimestamp("requested_at").toInstant(),
				rs.getString("decided_by"), rs.getObject("decided_by_id", UUID.class),
				decided == null ? null : decided.toInstant(), rs.getString("note"));
	}

	static String codes(Set<Role> roles) {
		return roles.stream().map(Role::code).sorted().collect(Collectors.joining(","));
	}

	private static Set<Role> roles(String codes) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream(codes.split(",")).filter(code -> !code.isBlank()).map(Role::fromCode).forEach(roles::add);
		return roles;
	}
}
