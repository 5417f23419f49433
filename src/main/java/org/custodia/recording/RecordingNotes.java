package org.custodia.recording;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.custodia.device.DeviceRecordings;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.ImportDeadline;
import org.custodia.policy.ImportDeadlines;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.policy.Text;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is added to a recording after its import, never changing it: the reasons a late import gives and
 * the times its content was offered again. The reasons offered are the agency's: where its regulation
 * allows work away or without pause (001 art. 13, 002 art. 13, 003 art. 13), such a reason counts the
 * deadline again from the device's return to the unit; a device fault or another reason is only recorded.
 */
@Component
public class RecordingNotes {

	static final String EXPLANATION = "custodia: an explanation of a late import, not an exception the regulation allows: "
			+ "the deadline stays";

	/** Reasons every agency may record for a late import; they explain it, they do not excuse it. */
	static final List<Offered> EXPLANATIONS = List.of(
			new Offered("device-fault", new Text("设备故障", "Device fault"), EXPLANATION, false),
			new Offered("other", new Text("其他（须写明情况）", "Other (say what happened)"), EXPLANATION, false));

	/** A reason the custodian may give; {@code movesDeadline}: the regulation counts the deadline from the return then. */
	public record Offered(String code, Text label, String cite, boolean movesDeadline) {
	}

	/** A reason given; {@code deadline} and its {@code cite} where it moved the recording's deadline. */
	public record LateReason(String reason, String note, String recordedBy, Instant recordedAt, Instant deadline, String cite) {
	}

	public record DuplicateOffer(UUID deviceId, String originalName, Instant offeredAt, String offeredBy) {
	}

	private final JdbcClient jdbc;

	private final PolicyDecisions decisions;

	private final Policies policies;

	private final ImportDeadlines deadlines;

	private final DeviceRecordings devices;

	private final Ledger ledger;

	private final Clock clock;

	RecordingNotes(JdbcClient jdbc, PolicyDecisions decisions, Policies policies, ImportDeadlines deadlines,
			DeviceRecordings devices, Ledger ledger, Clock clock) {
		this.jdbc = jdbc;
		this.decisions = decisions;
		this.policies = policies;
		this.deadlines = deadlines;
		this.devices = devices;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** The reasons of the agency's regulation first, then the explanations every agency may record. */
	List<Offered> offered(String agency) {
		List<Offered> offered = new ArrayList<>();
		AgencyPolicy.AfterReturn exception = policies.of(agency).ingest().afterReturn();
		if (exception != null) {
			exception.reasons().forEach(reason -> offered.add(new Offered(reason.code(), reason.label(), reason.cite(), true)));
		}
		offered.addAll(EXPLANATIONS);
		return offered;
	}

	/**
	 * The custodian records why a recording came late; only a late recording takes a reason. The first reason
	 * the regulation allows counts the deadline again from the return to the unit, the next ones are recorded.
	 */
	@Transactional
	LateReason explainLateness(Actor actor, Recording recording, String reason, String note) {
		decisions.decide(actor, Action.IMPORT, recording.agency()).orThrow();
		if (recording.lateMinutes() == null) {
			throw CustodiaException.refused("error.recording-not-late",
					recording.deadlineCite() != null ? recording.deadlineCite() : policies.of(recording.agency()).ingest().deadline().cite());
		}
		String code = reason == null ? "" : code(reason.strip());
		List<Offered> offered = offered(recording.agency());
		Offered chosen = offered.stream().filter(candidate -> candidate.code().equals(code)).findFirst()
			.orElseThrow(() -> new CustodiaException(HttpStatus.BAD_REQUEST, "error.late-reason-unknown",
					policies.of(recording.agency()).ingest().deadline().cite(), Map.of("field", "reason"), reason,
					String.join(", ", offered.stream().map(Offered::code).toList())));
		if ("other".equals(code) && (note == null || note.isBlank())) {
			throw CustodiaException.badRequest("error.late-reason-note-required");
		}
		boolean moved = chosen.movesDeadline() && lateReasons(recording.id()).stream().noneMatch(given -> given.deadline() != null);
		ImportDeadline deadline = null;
		if (moved) {
			Instant end = recording.recordedEnd() != null ? recording.recordedEnd() : recording.recordedAt();
			deadline = deadlines.afterReturn(recording.agency(), end, devices.returnedAfter(recording.deviceId(), end));
		}
		LateReason added = new LateReason(code, note == null || note.isBlank() ? null : note.strip(), actor.username(),
				clock.instant(), deadline == null ? null : deadline.at(), deadline == null ? chosen.cite() : deadline.cite());
		jdbc.sql("""
				insert into recording_late_reason (id, recording_id, reason, note, recorded_by, recorded_at, deadline, deadline_cite)
				values (:id, :recording, :reason, :note, :by, :at, :deadline, :cite)""")
			.param("id", UUID.randomUUID())
			.param("recording", recording.id())
			.param("reason", code)
			.param("note", added.note())
			.param("by", added.recordedBy())
			.param("at", Timestamp.from(added.recordedAt()))
			.param("deadline", deadline == null ? null : Timestamp.from(deadline.at()))
			.param("cite", deadline == null ? null : deadline.cite())
			.update();
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("reason", code);
		entry.put("note", added.note() == null ? "" : added.note());
		entry.put("late", recording.lateMinutes() + " min");
		entry.put("cite", chosen.cite());
		if (deadline != null) {
			entry.put("deadline", deadline.at().toString());
			entry.put("deadlineCite", deadline.cite());
			Long late = deadline.minutesLate(recording.importedAt());
			entry.put("lateNow", late == null ? "no" : late + " min");
		}
		ledger.append(LedgerEvent.by(actor, recording.agency(), "recording.late-reason", "recording",
				recording.id().toString(), entry));
		return added;
	}

	List<LateReason> lateReasons(UUID recordingId) {
		return jdbc.sql("""
				select reason, note, recorded_by, recorded_at, deadline, deadline_cite from recording_late_reason
				where recording_id = :id order by recorded_at""")
			.param("id", recordingId)
			.query((rs, row) -> new LateReason(code(rs.getString("reason")), rs.getString("note"),
					rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
					rs.getTimestamp("deadline") == null ? null : rs.getTimestamp("deadline").toInstant(),
					rs.getString("deadline_cite")))
			.list();
	}

	/** Reasons recorded before they were the agency's codes were names: {@code REMOTE_AREA} is {@code remote-area}. */
	private static String code(String stored) {
		return stored.toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** Runs in the import's transaction, beside its {@code recording.duplicate-offered} ledger entry. */
	void duplicateOffered(UUID recordingId, UUID deviceId, String name, String by) {
		jdbc.sql("""
				insert into recording_duplicate_offer (id, recording_id, device_id, original_name, offered_at, offered_by)
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
				select device_id, original_name, offered_at, offered_by from recording_duplicate_offer
				where recording_id = :id order by offered_at""")
			.param("id", recordingId)
			.query((rs, row) -> new DuplicateOffer(rs.getObject("device_id", UUID.class), rs.getString("original_name"),
					rs.getTimestamp("offered_at").toInstant(), rs.getString("offered_by")))
			.list();
	}
}
