package org.custodia.ingest;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is added to a recording after its import, never changing it: the reasons a late import gives
 * (remote area, continuous work: 001 art. 13) and the times its content was offered again.
 */
@Component
class RecordingNotes {

	enum LateReasonKind {
		REMOTE_AREA, CONTINUOUS_WORK, DEVICE_FAULT, OTHER
	}

	record LateReason(LateReasonKind reason, String note, String recordedBy, Instant recordedAt) {
	}

	record DuplicateOffer(UUID deviceId, String originalName, Instant offeredAt, String offeredBy) {
	}

	private final JdbcClient jdbc;

	private final PolicyDecisions decisions;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	RecordingNotes(JdbcClient jdbc, PolicyDecisions decisions, Policies policies, Ledger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.decisions = decisions;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** The custodian records why a recording came late; only a late recording takes a reason. */
	@Transactional
	LateReason explainLateness(Actor actor, Recording recording, LateReasonKind reason, String note) {
		decisions.decide(actor, Action.IMPORT, recording.agency()).orThrow();
		if (recording.lateMinutes() == null) {
			throw CustodiaException.refused("error.recording-not-late", policies.of(recording.agency()).ingest().cite());
		}
		if (reason == LateReasonKind.OTHER && (note == null || note.isBlank())) {
			throw CustodiaException.badRequest("error.late-reason-note-required");
		}
		LateReason added = new LateReason(reason, note == null || note.isBlank() ? null : note.strip(), actor.username(),
				clock.instant());
		jdbc.sql("""
				insert into ingest_late_reason (id, recording_id, reason, note, recorded_by, recorded_at)
				values (:id, :recording, :reason, :note, :by, :at)""")
			.param("id", UUID.randomUUID())
			.param("recording", recording.id())
			.param("reason", reason.name())
			.param("note", added.note())
			.param("by", added.recordedBy())
			.param("at", Timestamp.from(added.recordedAt()))
			.update();
		ledger.append(LedgerEvent.by(actor, recording.agency(), "recording.late-reason", "recording",
				recording.id().toString(), Map.of("reason", reason.name(), "note", added.note() == null ? "" : added.note(),
						"late", recording.lateMinutes() + " min (" + policies.of(recording.agency()).ingest().cite() + ")")));
		return added;
	}

	List<LateReason> lateReasons(UUID recordingId) {
		return jdbc.sql("""
				select reason, note, recorded_by, recorded_at from ingest_late_reason
				where recording_id = :id order by recorded_at""")
			.param("id", recordingId)
			.query((rs, row) -> new LateReason(LateReasonKind.valueOf(rs.getString("reason")), rs.getString("note"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()))
			.list();
	}

	/** Runs in the import's transaction, beside its {@code recording.duplicate-offered} ledger entry. */
	void duplicateOffered(UUID recordingId, UUID deviceId, String name, String by) {
		jdbc.sql("""
				insert into ingest_duplicate_offer (id, recording_id, device_id, original_name, offered_at, offered_by)
				values (:id, :recording, :device, :name, :at, :by)""")
			.param("id", UUID.randomUUID())
			.param("recording", recordingId)
			.param("device", deviceId)
			.param("name", name)
			.param("at", Timestamp.from(clock.instant()))
			.param("by", by)
			.update();
	}

	List<DuplicateOffer> duplicateOffers(UUID recordingId) {
		return jdbc.sql("""
				select device_id, original_name, offered_at, offered_by from ingest_duplicate_offer
				where recording_id = :id order by offered_at""")
			.param("id", recordingId)
			.query((rs, row) -> new DuplicateOffer(rs.getObject("device_id", UUID.class), rs.getString("original_name"),
					rs.getTimestamp("offered_at").toInstant(), rs.getString("offered_by")))
			.list();
	}
}
