package org.custodia.recording;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custodian names the officer who made a recording after its import, when the import named none
 * (no holder in the custody ledger at its time) or the wrong one. The officer decides who may watch,
 * so each correction states its reason and is a ledger entry; the original file is not touched.
 */
@Component
public class OfficerCorrections {

	static final String CORRECTED = "recording.officer-corrected";

	private final RecordingRegister register;

	private final RecordingRepository recordings;

	private final RecordingOfficers officers;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	OfficerCorrections(RecordingRegister register, RecordingRepository recordings, RecordingOfficers officers,
			PolicyDecisions decisions, Ledger ledger) {
		this.register = register;
		this.recordings = recordings;
		this.officers = officers;
		this.decisions = decisions;
		this.ledger = ledger;
	}

	/** The recording, when the actor may name its officer: who imports for its agency. */
	@Transactional(readOnly = true)
	public Recording correctable(Actor actor, UUID recordingId) {
		Recording recording = register.visibleTo(actor, recordingId, Action.SEE_RECORDINGS);
		decisions.decide(actor, Action.IMPORT, recording.agency()).orThrow();
		return recording;
	}

	/** Whether the signed-in user may name the officers of the agency's recordings; pages show the link only then. */
	public boolean mayCorrect(String agency) {
		return decisions.decide(org.custodia.shared.CurrentActor.get(), Action.IMPORT, agency).isAllowed();
	}

	/** Names {@code officerId} as the recording's officer; refused for a blank reason or one who is no officer of its agency. */
	@Transactional
	public Recording correct(Actor actor, UUID recordingId, UUID officerId, String reason) {
		Recording recording = correctable(actor, recordingId);
		if (officerId == null) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "error.field-required", null, Map.of("field", "officerId"),
					new org.springframework.context.support.DefaultMessageSourceResolvable("recordings.officer"));
		}
		if (reason == null || reason.isBlank()) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "error.field-required", null, Map.of("field", "reason"),
					new org.springframework.context.support.DefaultMessageSourceResolvable("recordings.officer-reason"));
		}
		officers.check(recording.agency(), officerId);
		if (Objects.equals(recording.officerId(), officerId)) {
			return recording;
		}
		recordings.changeOfficer(recordingId, officerId);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("file", recording.originalName());
		entry.put("from", recording.officerId() == null ? "" : recording.officerId().toString());
		entry.put("officer", officerId.toString());
		entry.put("reason", reason.strip());
		ledger.append(LedgerEvent.by(actor, recording.agency(), CORRECTED, "recording", recordingId.toString(), entry));
		return recordings.byIds(java.util.List.of(recordingId)).get(recordingId);
	}
}
