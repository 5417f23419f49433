package org.custodia.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Secrecy marks; each change is written beside its ledger entry. */
@Repository
class SecrecyMarkRepository {

	private static final String COLUMNS = """
			select id, agency_code, subject_type, subject_id, kind, named, reason, state, proposed_by, proposed_by_id,
			       proposed_at, decided_by, decided_at, removal_reason, removal_by_id
			from access_secrecy_mark""";

	private final JdbcClient jdbc;

	SecrecyMarkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SecrecyMark mark) {
		jdbc.sql("""
				insert into access_secrecy_mark (id, agency_code, subject_type, subject_id, kind, named, reason, state,
				  proposed_by, proposed_by_id, proposed_at)
				values (:id, :agency, :type, :subject, :kind, :named, :reason, :state, :by, :byId, :at)""")
			.param("id", mark.id()).param("agency", mark.agency()).param("type", mark.subjectType().name())
			.param("subject", mark.subjectId()).param("kind", mark.kind().name()).param("named", named(mark.named()))
			.param("reason", mark.reason()).param("state", mark.state().name()).param("by", mark.proposedBy())
			.param("byId", mark.proposedById()).param("at", Timestamp.from(mark.proposedAt()))
			.update();
	}

	boolean moved(UUID id, SecrecyMark.State from, SecrecyMark.State to, String decidedBy, Instant at) {
		return jdbc.sql("""
				update access_secrecy_mark set state = :to, decided_by = :by, decided_at = :at
				where id = :id and state = :from""")
			.param("to", to.name()).param("by", decidedBy).param("at", Timestamp.from(at)).param("id", id)
			.param("from", from.name())
			.update() == 1;
	}

	boolean removalAsked(UUID id, String reason, UUID by) {
		return jdbc.sql("""
				update access_secrecy_mark set state = 'REMOVAL_PROPOSED', removal_reason = :reason, removal_by_id = :by
				where id = :id and state = 'ACTIVE'""")
			.param("reason", reason).param("by", by).param("id", id)
			.update() == 1;
	}

	Optional<SecrecyMark> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(SecrecyMarkRepository::map).optional();
	}

	/** The marks in force on any of these subjects. */
	List<SecrecyMark> inForceOn(List<UUID> subjects) {
		if (subjects.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(COLUMNS + " where subject_id in (:subjects) and state in ('ACTIVE', 'REMOVAL_PROPOSED')")
			.param("subjects", subjects).query(SecrecyMarkRepository::map).list();
	}

	/** The agency's marks in force. */
	List<SecrecyMark> inForce(String agency) {
		return jdbc.sql(COLUMNS + " where agency_code = :agency and state in ('ACTIVE', 'REMOVAL_PROPOSED')")
			.param("agency", agency).query(SecrecyMarkRepository::map).list();
	}

	List<SecrecyMark> of(String agency) {
		return jdbc.sql(COLUMNS + " where agency_code = :agency order by proposed_at desc, id")
			.param("agency", agency).query(SecrecyMarkRepository::map).list();
	}

	private static String named(Set<UUID> named) {
		return named.stream().map(UUID::toString).collect(Collectors.joining(","));
	}

	private static SecrecyMark map(ResultSet rs, int row) throws SQLException {
		Set<UUID> named = new LinkedHashSet<>();
		Arrays.stream(rs.getString("named").split(",")).filter(id -> !id.isBlank()).map(UUID::fromString).forEach(named::add);
		Timestamp decidedAt = rs.getTimestamp("decided_at");
		return new SecrecyMark(rs.getObject("id", UUID.class), rs.getString("agency_code"),
				SecrecyMark.Subject.valueOf(rs.getString("subject_type")), rs.getObject("subject_id", UUID.class),
				SecrecyMark.Kind.valueOf(rs.getString("kind")), named, rs.getString("reason"),
				SecrecyMark.State.valueOf(rs.getString("state")), rs.getString("proposed_by"),
				rs.getObject("proposed_by_id", UUID.class), rs.getTimestamp("proposed_at").toInstant(),
				rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant(), rs.getString("removal_reason"),
				rs.getObject("removal_by_id", UUID.class));
	}
}
