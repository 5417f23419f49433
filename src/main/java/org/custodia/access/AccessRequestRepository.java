package org.custodia.access;

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

import org.custodia.policy.AccessMatrix;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Access requests, the recordings they name, their documents; every change is written beside its ledger entry. */
@Repository
class AccessRequestRepository {

	private static final String COLUMNS = """
			select id, agency_code, number, requester_kind, requester_name, requester_user_id, lawyer, on_behalf_of,
			       case_id, activity_id, reason, uses, state, approvers, cite, entered_by, entered_at, holder_id,
			       holder_unit_id, decided_by, decided_at, decision_note, expires_at, closed_at
			from access_request""";

	/** What the grant check needs: the request's basis, its holder's unit at the decision, and its uses. */
	record Grant(AccessBasis basis, UUID holderUnitId, Set<AccessMatrix.Use> uses) {
	}

	/** The stored file of a document. */
	record StoredDocument(AccessRequest.Document document, UUID requestId, String agency, String storeKey) {
	}

	private final JdbcClient jdbc;

	AccessRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AccessRequest request, UUID enteredById, UUID holderUnitId) {
		jdbc.sql("""
				insert into access_request (id, agency_code, number, requester_kind, requester_name, requester_user_id,
				  lawyer, on_behalf_of, case_id, activity_id, reason, uses, state, approvers, cite, entered_by, entered_by_id,
				  entered_at, holder_id, holder_unit_id, decided_by, decided_at, decision_note, expires_at)
				values (:id, :agency, :number, :kind, :name, :userId, :lawyer, :onBehalfOf, :caseId, :activityId, :reason,
				  :uses, :state, :approvers, :cite, :enteredBy, :enteredById, :enteredAt, :holder, :holderUnit, :decidedBy,
				  :decidedAt, :note, :expiresAt)""")
			.param("id", request.id()).param("agency", request.agency()).param("number", request.number())
			.param("kind", request.requesterKind().code()).param("name", request.requesterName())
			.param("userId", request.requesterUserId()).param("lawyer", request.lawyer())
			.param("onBehalfOf", request.onBehalfOf()).param("caseId", request.caseId())
			.param("activityId", request.activityId()).param("reason", request.reason())
			.param("uses", codes(request.uses())).param("state", request.state().name())
			.param("approvers", request.approvers()).param("cite", request.cite()).param("enteredBy", request.enteredBy())
			.param("enteredById", enteredById).param("enteredAt", Timestamp.from(request.enteredAt()))
			.param("holder", request.holderId()).param("holderUnit", holderUnitId)
			.param("decidedBy", request.decidedBy()).param("decidedAt", timestamp(request.decidedAt()))
			.param("note", request.decisionNote()).param("expiresAt", timestamp(request.expiresAt()))
			.update();
		for (AccessRequest.Item item : request.recordings()) {
			jdbc.sql("insert into access_request_recording (request_id, recording_id, granted) values (:request, :recording, :granted)")
				.param("request", request.id()).param("recording", item.recordingId()).param("granted", item.granted())
				.update();
		}
	}

	/** The year's next number of the agency: {@code 2026-0007}. */
	String nextNumber(String agency, int year) {
		String prefix = year + "-";
		Integer highest = jdbc.sql("""
				select max(cast(substring(number, 6) as integer)) from access_request
				where agency_code = :agency and number like :prefix""")
			.param("agency", agency).param("prefix", prefix + "%")
			.query(Integer.class).optional().orElse(null);
		return prefix + String.format("%04d", highest == null ? 1 : highest + 1);
	}

	Optional<AccessRequest> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(this::map).optional().map(this::complete);
	}

	long count() {
		return jdbc.sql("select count(*) from access_request").query(Long.class).single();
	}

	/** The requests with these ids, with their recordings, for the ledger's cross-check. */
	java.util.Map<UUID, AccessRequest> byIds(java.util.Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return java.util.Map.of();
		}
		java.util.Map<UUID, AccessRequest> found = new java.util.HashMap<>();
		jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", List.copyOf(ids)).query(this::map).list()
			.forEach(request -> found.put(request.id(), complete(request)));
		return found;
	}

	/** An agency's requests, newest first; of one state, or all. */
	List<AccessRequest> list(String agency, AccessRequest.State state, int limit) {
		String where = state == null ? " where agency_code = :agency" : " where agency_code = :agency and state = :state";
		var spec = jdbc.sql(COLUMNS + where + " order by entered_at desc, id limit :limit").param("agency", agency)
			.param("limit", limit);
		if (state != null) {
			spec = spec.param("state", state.name());
		}
		return spec.query(this::map).list().stream().map(this::complete).toList();
	}

	void decided(UUID id, AccessRequest.State state, String decidedBy, Instant at, String note, Instant expiresAt,
			UUID holderUnitId, Set<UUID> granted) {
		jdbc.sql("""
				update access_request set state = :state, decided_by = :by, decided_at = :at, decision_note = :note,
				  expires_at = :expires, holder_unit_id = :unit
				where id = :id and state = 'SUBMITTED'""")
			.param("state", state.name()).param("by", decidedBy).param("at", Timestamp.from(at)).param("note", note)
			.param("expires", timestamp(expiresAt)).param("unit", holderUnitId).param("id", id)
			.update();
		jdbc.sql("update access_request_recording set granted = false where request_id = :id").param("id", id).update();
		for (UUID recording : granted) {
			jdbc.sql("update access_request_recording set granted = true where request_id = :id and recording_id = :recording")
				.param("id", id).param("recording", recording)
				.update();
		}
	}

	/** Ends a request (withdrawn, fulfilled, expired); false when it was no longer in one of {@code from}. */
	boolean closed(UUID id, Set<AccessRequest.State> from, AccessRequest.State to, Instant at) {
		return jdbc.sql("update access_request set state = :to, closed_at = :at where id = :id and state in (:from)")
			.param("to", to.name()).param("at", Timestamp.from(at)).param("id", id)
			.param("from", from.stream().map(Enum::name).toList())
			.update() == 1;
	}

	/** Approvals whose end has passed but which are not marked expired yet. */
	List<UUID> dueToExpire(Instant now, int limit) {
		return jdbc.sql("""
				select id from access_request where state in ('APPROVED', 'PARTLY_APPROVED') and expires_at <= :now
				order by expires_at limit :limit""")
			.param("now", Timestamp.from(now)).param("limit", limit)
			.query((rs, row) -> rs.getObject("id", UUID.class)).list();
	}

	/** The approvals in force that give the holder {@code use} of the recording, newest first. */
	List<Grant> grants(UUID holderId, UUID recordingId, AccessMatrix.Use use, Instant now) {
		return jdbc.sql("""
				select r.id, r.number, r.requester_name, r.on_behalf_of, r.reason, r.decided_by, r.cite, r.uses,
				       r.holder_unit_id
				from access_request r join access_request_recording g on g.request_id = r.id
				where r.holder_id = :holder and g.recording_id = :recording and g.granted = true
				  and r.state in ('APPROVED', 'PARTLY_APPROVED') and r.expires_at > :now
				order by r.decided_at desc""")
			.param("holder", holderId).param("recording", recordingId).param("now", Timestamp.from(now))
			.query((rs, row) -> {
				String onBehalfOf = rs.getString("on_behalf_of");
				String name = rs.getString("requester_name");
				String forWhom = onBehalfOf == null || onBehalfOf.isBlank() ? name : name + "（" + onBehalfOf + "）";
				return new Grant(new AccessBasis(rs.getObject("id", UUID.class), rs.getString("number"), forWhom,
						rs.getString("reason"), rs.getString("decided_by"), rs.getString("cite"), false),
						rs.getObject("holder_unit_id", UUID.class), uses(rs.getString("uses")));
			})
			.list().stream().filter(grant -> grant.uses().contains(use)).toList();
	}

	void insertDocument(UUID requestId, AccessRequest.Document document, String storeKey) {
		jdbc.sql("""
				insert into access_request_document (id, request_id, kind, original_name, store_key, sha256, size,
				  content_type, uploaded_by, uploaded_at)
				values (:id, :request, :kind, :name, :key, :sha256, :size, :type, :by, :at)""")
			.param("id", document.id()).param("request", requestId).param("kind", document.kind())
			.param("name", document.originalName()).param("key", storeKey).param("sha256", document.sha256())
			.param("size", document.size()).param("type", document.contentType()).param("by", document.uploadedBy())
			.param("at", Timestamp.from(document.uploadedAt()))
			.update();
	}

	Optional<StoredDocument> document(UUID documentId) {
		return jdbc.sql("""
				select d.id, d.request_id, d.kind, d.original_name, d.store_key, d.sha256, d.size, d.content_type,
				       d.uploaded_by, d.uploaded_at, r.agency_code
				from access_request_document d join access_request r on r.id = d.request_id where d.id = :id""")
			.param("id", documentId)
			.query((rs, row) -> new StoredDocument(document(rs), rs.getObject("request_id", UUID.class),
					rs.getString("agency_code"), rs.getString("store_key")))
			.optional();
	}

	private AccessRequest complete(AccessRequest request) {
		List<AccessRequest.Item> items = jdbc.sql("""
				select recording_id, granted from access_request_recording where request_id = :id order by recording_id""")
			.param("id", request.id())
			.query((rs, row) -> new AccessRequest.Item(rs.getObject("recording_id", UUID.class), rs.getBoolean("granted")))
			.list();
		List<AccessRequest.Document> documents = jdbc.sql("""
				select id, kind, original_name, sha256, size, content_type, uploaded_by, uploaded_at
				from access_request_document where request_id = :id order by uploaded_at, id""")
			.param("id", request.id())
			.query((rs, row) -> document(rs))
			.list();
		return new AccessRequest(request.id(), request.agency(), request.number(), request.requesterKind(),
				request.requesterName(), request.requesterUserId(), request.lawyer(), request.onBehalfOf(),
				request.caseId(), request.activityId(), request.reason(), request.uses(), request.state(),
				request.approvers(), request.cite(), request.enteredBy(), request.enteredAt(), request.holderId(),
				request.decidedBy(), request.decidedAt(), request.decisionNote(), request.expiresAt(), request.closedAt(),
				items, documents);
	}

	private static AccessRequest.Document document(ResultSet rs) throws SQLException {
		return new AccessRequest.Document(rs.getObject("id", UUID.class), rs.getString("kind"),
				rs.getString("original_name"), rs.getString("sha256"), rs.getLong("size"), rs.getString("content_type"),
				rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
	}

	private AccessRequest map(ResultSet rs, int row) throws SQLException {
		return new AccessRequest(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getString("number"),
				AccessMatrix.Requester.fromCode(rs.getString("requester_kind")).orElseThrow(),
				rs.getString("requester_name"), rs.getObject("requester_user_id", UUID.class), rs.getBoolean("lawyer"),
				rs.getString("on_behalf_of"), rs.getObject("case_id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getString("reason"), uses(rs.getString("uses")), AccessRequest.State.valueOf(rs.getString("state")),
				rs.getString("approvers"), rs.getString("cite"), rs.getString("entered_by"),
				rs.getTimestamp("entered_at").toInstant(), rs.getObject("holder_id", UUID.class),
				rs.getString("decided_by"), instant(rs.getTimestamp("decided_at")), rs.getString("decision_note"),
				instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("closed_at")), List.of(), List.of());
	}

	static String codes(Set<AccessMatrix.Use> uses) {
		return uses.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<AccessMatrix.Use> uses(String codes) {
		Set<AccessMatrix.Use> uses = EnumSet.noneOf(AccessMatrix.Use.class);
		Arrays.stream(codes.split(",")).filter(code -> !code.isBlank()).map(AccessMatrix.Use::valueOf).forEach(uses::add);
		return uses;
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
