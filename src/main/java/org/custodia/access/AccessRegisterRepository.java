package org.custodia.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of the access register; they are only ever added. */
@Repository
class AccessRegisterRepository {

	/** What the register is searched by; null fields do not filter. */
	record Filter(String agency, UUID recordingId, UUID personId, Instant from, Instant to, String text, UUID requestId) {
	}

	private final JdbcClient jdbc;

	AccessRegisterRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a line. A viewing's line is written as its session opens, and its ledger entry
	 * ({@code recording.viewed}) when the session closes; a copy's in the transaction of the copy's request
	 * ({@code media.watermark-requested}), a public use's in that of the decision ({@code access.decided}).
	 */
	void insert(AccessRegisterEntry entry) {
		jdbc.sql("""
				insert into access_register /* no-ledger: the ledger entry is that of what the line registers */
				  (id, agency_code, at, kind, recording_id, recording_name, person, person_id, for_whom, reason,
				   request_id, request_number, approved_by, cite, registered_by, derived_id)
				values (:id, :agency, :at, :kind, :recording, :name, :person, :personId, :forWhom, :reason, :request,
				   :number, :approvedBy, :cite, :registeredBy, :derived)""")
			.param("id", entry.id()).param("agency", entry.agency()).param("at", Timestamp.from(entry.at()))
			.param("kind", entry.kind().name()).param("recording", entry.recordingId())
			.param("name", entry.recordingName()).param("person", entry.person()).param("personId", entry.personId())
			.param("forWhom", entry.forWhom()).param("reason", entry.reason()).param("request", entry.requestId())
			.param("number", entry.requestNumber()).param("approvedBy", entry.approvedBy()).param("cite", entry.cite())
			.param("registeredBy", entry.registeredBy()).param("derived", entry.derivedId())
			.update();
	}

	/** Lines matching the filter, newest first. */
	List<AccessRegisterEntry> search(Filter filter, int limit) {
		StringBuilder sql = new StringBuilder("""
				select id, agency_code, at, kind, recording_id, recording_name, person, person_id, for_whom, reason,
				       request_id, request_number, approved_by, cite, registered_by, derived_id
				from access_register where agency_code = :agency""");
		List<Object[]> params = new ArrayList<>();
		params.add(new Object[] { "agency", filter.agency() });
		if (filter.recordingId() != null) {
			sql.append(" and recording_id = :recording");
			params.add(new Object[] { "recording", filter.recordingId() });
		}
		if (filter.requestId() != null) {
			sql.append(" and request_id = :requestId");
			params.add(new Object[] { "requestId", filter.requestId() });
		}
		if (filter.personId() != null) {
			sql.append(" and person_id = :person");
			params.add(new Object[] { "person", filter.personId() });
		}
		if (filter.from() != null) {
			sql.append(" and at >= :from");
			params.add(new Object[] { "from", Timestamp.from(filter.from()) });
		}
		if (filter.to() != null) {
			sql.append(" and at < :to");
			params.add(new Object[] { "to", Timestamp.from(filter.to()) });
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			// a text block would lose the leading space that separates this from the condition before it
			sql.append(" and (lower(person) like :text or lower(coalesce(for_whom, '')) like :text")
				.append(" or lower(coalesce(reason, '')) like :text or lower(coalesce(recording_name, '')) like :text")
				.append(" or lower(coalesce(request_number, '')) like :text)");
			params.add(new Object[] { "text", "%" + filter.text().strip().toLowerCase(java.util.Locale.ROOT) + "%" });
		}
		sql.append(" order by at desc, id limit :limit");
		var spec = jdbc.sql(sql.toString()).param("limit", limit);
		for (Object[] param : params) {
			spec = spec.param((String) param[0], param[1]);
		}
		return spec.query(AccessRegisterRepository::map).list();
	}

	private static AccessRegisterEntry map(ResultSet rs, int row) throws SQLException {
		return new AccessRegisterEntry(rs.getObject("id", UUID.class), rs.getString("agency_code"),
				rs.getTimestamp("at").toInstant(), AccessRegisterEntry.Kind.valueOf(rs.getString("kind")),
				rs.getObject("recording_id", UUID.class), rs.getString("recording_name"), rs.getString("person"),
				rs.getObject("person_id", UUID.class), rs.getString("for_whom"), rs.getString("reason"),
				rs.getObject("request_id", UUID.class), rs.getString("request_number"), rs.getString("approved_by"),
				rs.getString("cite"), rs.getString("registered_by"), rs.getObject("derived_id", UUID.class));
	}
}
