package org.custodia.retention;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Disposals, their items and the derived copies disposed of with them; each change is written beside its ledger entry. */
@Repository
class DisposalRepository {

	/** A derived copy disposed of with its original. */
	record Copy(UUID disposalId, UUID recordingId, UUID copyId, String kind, String storeKey, String sha256, Long size) {
	}

	private static final String COLUMNS = """
			select id, agency_code, number, state, reason, approvers, cite, proposed_by, proposed_at, decided_by, decided_at,
			       decision_note, wait_until, wait_cite, cancelled_by, cancelled_at, cancel_reason, executed_at, files_removed_at
			from retention_disposal""";

	private final JdbcClient jdbc;

	DisposalRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Disposal disposal) {
		jdbc.sql("""
				insert into retention_disposal (id, agency_code, number, state, reason, approvers, cite, proposed_by, proposed_at)
				values (:id, :agency, :number, :state, :reason, :approvers, :cite, :by, :at)""")
			.param("id", disposal.id()).param("agency", disposal.agency()).param("number", disposal.number())
			.param("state", disposal.state().name()).param("reason", disposal.reason())
			.param("approvers", disposal.approvers()).param("cite", disposal.cite())
			.param("by", disposal.proposedBy()).param("at", ts(disposal.proposedAt()))
			.update();
		for (Disposal.Item item : disposal.items()) {
			jdbc.sql("""
					insert into retention_disposal_item (disposal_id, recording_id, position, keep_until, rule, cite, blob_key,
					    sha256, size_bytes)
					values (:disposal, :recording, :position, :keepUntil, :rule, :cite, :key, :sha, :size)""")
				.param("disposal", disposal.id()).param("recording", item.recordingId()).param("position", item.position())
				.param("keepUntil", ts(item.keepUntil())).param("rule", item.rule()).param("cite", item.cite())
				.param("key", item.blobKey()).param("sha", item.sha256()).param("size", item.size())
				.update();
		}
	}

	/** The year's next number of the agency: {@code 2026-0003}. */
	String nextNumber(String agency, int year) {
		String prefix = year + "-";
		Integer highest = jdbc.sql("""
				select max(cast(substring(number, 6) as integer)) from retention_disposal
				where agency_code = :agency and number like :prefix""")
			.param("agency", agency).param("prefix", prefix + "%")
			.query(Integer.class).optional().orElse(null);
		return prefix + String.format("%04d", highest == null ? 1 : highest + 1);
	}

	boolean decided(UUID id, Disposal.State state, String by, Instant at, String note, Instant waitUntil, String waitCite) {
		return jdbc.sql("""
				update retention_disposal set state = :state, decided_by = :by, decided_at = :at, decision_note = :note,
				    wait_until = :waitUntil, wait_cite = :waitCite
				where id = :id and state = 'PROPOSED'""")
			.param("state", state.name()).param("by", by).param("at", ts(at)).param("note", note)
			.param("waitUntil", ts(waitUntil)).param("waitCite", waitCite).param("id", id)
			.update() == 1;
	}

	void struck(UUID id, UUID recordingId, String note) {
		jdbc.sql("""
				update retention_disposal_item set struck = true, strike_note = :note
				where disposal_id = :id and recording_id = :recording""")
			.param("note", note).param("id", id).param("recording", recordingId)
			.update();
	}

	boolean cancelled(UUID id, String by, Instant at, String reason) {
		return jdbc.sql("""
				update retention_disposal set state = 'CANCELLED', cancelled_by = :by, cancelled_at = :at, cancel_reason = :reason
				where id = :id and state in ('PROPOSED', 'APPROVED')""")
			.param("by", by).param("at", ts(at)).param("reason", reason).param("id", id)
			.update() == 1;
	}

	/** Takes an approved disposal whose wait has passed for carrying out; false when it is not (any more) due. */
	boolean claimed(UUID id, Instant now) {
		return jdbc.sql("""
				update retention_disposal set state = 'EXECUTED', executed_at = :now
				where id = :id and state = 'APPROVED' and wait_until <= :now""")
			.param("now", ts(now)).param("id", id)
			.update() == 1;
	}

	void outcome(UUID id, UUID recordingId, Disposal.Outcome outcome, String note) {
		jdbc.sql("""
				update retention_disposal_item set outcome = :outcome, outcome_note = :note
				where disposal_id = :id and recording_id = :recording""")
			.param("outcome", outcome.name()).param("note", note).param("id", id).param("recording", recordingId)
			.update();
	}

	void copy(Copy copy) {
		jdbc.sql("""
				insert into retention_disposal_copy (disposal_id, recording_id, copy_id, kind, store_key, sha256, size_bytes)
				values (:disposal, :recording, :copy, :kind, :key, :sha, :size)""")
			.param("disposal", copy.disposalId()).param("recording", copy.recordingId()).param("copy", copy.copyId())
			.param("kind", copy.kind()).param("key", copy.storeKey()).param("sha", copy.sha256()).param("size", copy.size())
			.update();
	}

	List<Copy> copies(UUID disposalId) {
		return jdbc.sql("""
				select disposal_id, recording_id, copy_id, kind, store_key, sha256, size_bytes from retention_disposal_copy
				where disposal_id = :id order by recording_id, copy_id""")
			.param("id", disposalId)
			.query((rs, row) -> new Copy(rs.getObject("disposal_id", UUID.class), rs.getObject("recording_id", UUID.class),
					rs.getObject("copy_id", UUID.class), rs.getString("kind"), rs.getString("store_key"),
					rs.getString("sha256"), rs.getObject("size_bytes", Long.class)))
			.list();
	}

	boolean filesRemoved(UUID id, Instant at) {
		return jdbc.sql("update retention_disposal set files_removed_at = :at where id = :id and files_removed_at is null")
			.param("at", ts(at)).param("id", id)
			.update() == 1;
	}

	Optional<Disposal> find(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(this::map).optional().map(this::complete);
	}

	List<Disposal> of(String agency) {
		return jdbc.sql(COLUMNS + " where agency_code = :agency order by proposed_at desc, number desc")
			.param("agency", agency).query(this::map).list().stream().map(this::complete).toList();
	}

	/** Approved disposals whose waiting period has passed. */
	List<UUID> due(Instant now) {
		return jdbc.sql("select id from retention_disposal where state = 'APPROVED' and wait_until <= :now order by wait_until, id")
			.param("now", ts(now)).query(UUID.class).list();
	}

	/** Carried-out disposals whose files were not all removed yet (a crash after the commit). */
	List<UUID> filesLeft() {
		return jdbc.sql("select id from retention_disposal where state = 'EXECUTED' and files_removed_at is null order by executed_at, id")
			.query(UUID.class).list();
	}

	/** Of these recordings, those on a disposal still proposed or approved. */
	Set<UUID> onOpenDisposal(Collection<UUID> recordings) {
		if (recordings.isEmpty()) {
			return Set.of();
		}
		return jdbc.sql("""
				select i.recording_id from retention_disposal_item i join retention_disposal d on d.id = i.disposal_id
				where d.state in ('PROPOSED', 'APPROVED') and not i.struck and i.recording_id in (:recordings)""")
			.param("recordings", recordings).query(UUID.class).list().stream().collect(Collectors.toSet());
	}

	/**
	 * The recordings whose disposal, carried out and past its wait, disposed of them with this store key, as their
	 * original or as one of their derived copies.
	 */
	List<UUID> disposedUnder(String key, Instant now) {
		return jdbc.sql("""
				select i.recording_id from retention_disposal_item i join retention_disposal d on d.id = i.disposal_id
				where d.state = 'EXECUTED' and d.wait_until <= :now and i.outcome = 'DISPOSED' and not i.struck
				  and (i.blob_key = :key or exists (select 1 from retention_disposal_copy c
				      where c.disposal_id = i.disposal_id and c.recording_id = i.recording_id and c.store_key = :key))""")
			.param("now", ts(now)).param("key", key).query(UUID.class).list();
	}

	long count() {
		return jdbc.sql("select count(*) from retention_disposal").query(Long.class).single();
	}

	Map<UUID, Disposal> byIds(List<UUID> ids) {
		Map<UUID, Disposal> found = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(COLUMNS + " where id in (:ids)").param("ids", ids).query(this::map).list().stream().map(this::complete)
				.forEach(disposal -> found.put(disposal.id(), disposal));
		}
		return found;
	}

	private Disposal complete(Disposal disposal) {
		List<Disposal.Item> items = jdbc.sql("""
				select recording_id, position, keep_until, rule, cite, struck, strike_note, outcome, outcome_note, blob_key,
				       sha256, size_bytes
				from retention_disposal_item where disposal_id = :id order by position""")
			.param("id", disposal.id())
			.query((rs, row) -> new Disposal.Item(rs.getObject("recording_id", UUID.class), rs.getInt("position"),
					instant(rs, "keep_until"), rs.getString("rule"), rs.getString("cite"), rs.getBoolean("struck"),
					rs.getString("strike_note"),
					rs.getString("outcome") == null ? null : Disposal.Outcome.valueOf(rs.getString("outcome")),
					rs.getString("outcome_note"), rs.getString("blob_key"), rs.getString("sha256"), rs.getLong("size_bytes")))
			.list();
		return new Disposal(disposal.id(), disposal.agency(), disposal.number(), disposal.state(), disposal.reason(),
				disposal.approvers(), disposal.cite(), disposal.proposedBy(), disposal.proposedAt(), disposal.decidedBy(),
				disposal.decidedAt(), disposal.decisionNote(), disposal.waitUntil(), disposal.waitCite(),
				disposal.cancelledBy(), disposal.cancelledAt(), disposal.cancelReason(), disposal.executedAt(),
				disposal.filesRemovedAt(), items);
	}

	private Disposal map(ResultSet rs, int row) throws SQLException {
		return new Disposal(rs.getObject("id", UUID.class), rs.getString("agency_code"), rs.getString("number"),
				Disposal.State.valueOf(rs.getString("state")), rs.getString("reason"), rs.getString("approvers"),
				rs.getString("cite"), rs.getString("proposed_by"), instant(rs, "proposed_at"), rs.getString("decided_by"),
				instant(rs, "decided_at"), rs.getString("decision_note"), instant(rs, "wait_until"), rs.getString("wait_cite"),
				rs.getString("cancelled_by"), instant(rs, "cancelled_at"), rs.getString("cancel_reason"),
				instant(rs, "executed_at"), instant(rs, "files_removed_at"), List.of());
	}

	private static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
