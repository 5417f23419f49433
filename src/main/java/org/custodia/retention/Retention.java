package org.custodia.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.activity.CaseHandlers;
import org.custodia.activity.LongTermMark;
import org.custodia.activity.LongTermMarks;
import org.custodia.activity.RecordingActivities;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.media.DerivedCopies;
import org.custodia.media.DerivedCopy;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.policy.RetentionPeriods;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How long a recording is kept, by its agency's policy, and the holds that stop its disposal. Of the rules that
 * apply, the longest decides: a long-term mark, evidence kept with its case file (002 art. 14), complete keeping
 * (000 art. 15), or a period the agency has not set yet all keep it without end; otherwise the base period counts from
 * the end of its activity (or of the recording, where it belongs to none). An unclassified recording is kept, never
 * given the shortest period.
 */
@Component
public class Retention {

	/** The rule that decided. */
	public enum Rule {

		LONG_TERM, WITH_CASE_FILE, KEPT_COMPLETE, PERIOD_NOT_SET, BASE_PERIOD;

		public String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
	}

	/**
	 * A recording's keeping: until {@code keepUntil}, or without end ({@code keepUntil} null), by {@code rule} under
	 * {@code cite}; {@code countedFrom} is where a base period starts; {@code holds} stop disposal whatever the date.
	 */
	public record Keeping(UUID recordingId, Instant keepUntil, boolean withoutEnd, Rule rule, String cite,
			Instant countedFrom, Integer months, List<Hold> holds, List<CopyKeeping> copies) {

		/** Whether its keep-until has passed at {@code now} (never for what is kept without end), holds aside. */
		public boolean expiredAt(Instant now) {
			return !withoutEnd && keepUntil != null && !keepUntil.isAfter(now);
		}
	}

	/**
	 * A derived copy's keeping: as long as its original, never longer (a proxy, clip, watermarked copy or still made
	 * for an access request is disposed of with it).
	 */
	public record CopyKeeping(UUID copyId, DerivedCopy.Kind kind, String requestRef, Instant keepUntil,
			boolean withoutEnd, String cite) {
	}

	/** Why a derived copy is kept as long as its original and no longer. */
	public static final String WITH_ORIGINAL = "custodia: a derived copy is kept as long as its original and disposed of with it (RET-1)";

	/** A hold asked for: on a recording or on a case. */
	public record NewHold(UUID recordingId, UUID caseId, String kind, String reason) {
	}

	private final RecordingRegister register;

	private final RecordingActivities activities;

	private final LongTermMarks longTerm;

	private final CaseHandlers cases;

	private final RetentionPeriods periods;

	private final Policies policies;

	private final PolicyDecisions decisions;

	private final HoldRepository holds;

	private final Ledger ledger;

	private final Clock clock;

	private final DerivedCopies derived;

	Retention(RecordingRegister register, RecordingActivities activities, LongTermMarks longTerm, CaseHandlers cases,
			RetentionPeriods periods, Policies policies, PolicyDecisions decisions, HoldRepository holds, Ledger ledger,
			Clock clock, DerivedCopies derived) {
		this.derived = derived;
		this.register = register;
		this.activities = activities;
		this.longTerm = longTerm;
		this.cases = cases;
		this.periods = periods;
		this.policies = policies;
		this.decisions = decisions;
		this.holds = holds;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** The keeping of a recording the actor may see. */
	@Transactional(readOnly = true)
	public Keeping of(Actor actor, UUID recordingId) {
		return of(register.visibleTo(actor, recordingId, Action.SEE_RECORDINGS));
	}

	/** The keeping of a recording, for system work (disposal, fixity) and for whoever was shown the recording. */
	@Transactional(readOnly = true)
	public Keeping of(Recording recording) {
		AgencyPolicy.Retention rules = policies.of(recording.agency()).retention();
		RetentionPeriods.Effective period = periods.effective(recording.agency());
		Optional<RecordingActivities.Placement> placement = activities.of(recording.id());
		List<Hold> standing = holdsOn(recording.id());
		List<LongTermMark> marks = longTerm.forRecording(recording.id());
		Instant countedFrom = placement.map(RecordingActivities.Placement::endedAt)
			.or(() -> Optional.ofNullable(recording.recordedEnd()))
			.or(() -> Optional.ofNullable(recording.recordedAt()))
			.orElse(recording.importedAt());
		Integer months = period.months().orElse(null);
		if (!marks.isEmpty()) {
			return withoutEnd(recording, Rule.LONG_TERM, marks.get(0).cite(), countedFrom, months, standing);
		}
		if (placement.map(RecordingActivities.Placement::caseId).isPresent() && rules.evidenceWithCaseFile().applies()) {
			return withoutEnd(recording, Rule.WITH_CASE_FILE, rules.evidenceWithCaseFile().cite(), countedFrom, months,
					standing);
		}
		if (period.keptWithoutEnd()) {
			return withoutEnd(recording, Rule.KEPT_COMPLETE, period.cite(), countedFrom, null, standing);
		}
		if (months == null) {
			return withoutEnd(recording, Rule.PERIOD_NOT_SET, period.cite(), countedFrom, null, standing);
		}
		Instant until = countedFrom.atZone(clock.getZone()).plusMonths(months).toInstant();
		return new Keeping(recording.id(), until, false, Rule.BASE_PERIOD, period.cite(), countedFrom, months, standing,
				copies(recording, until, false));
	}

	private Keeping withoutEnd(Recording recording, Rule rule, String cite, Instant countedFrom, Integer months,
			List<Hold> holds) {
		return new Keeping(recording.id(), null, true, rule, cite, countedFrom, months, holds, copies(recording, null, true));
	}

	/** The recording's made copies, each kept as long as the original. */
	private List<CopyKeeping> copies(Recording recording, Instant until, boolean withoutEnd) {
		return derived.of(recording.id()).stream()
			.filter(copy -> copy.state() == DerivedCopy.State.READY)
			.map(copy -> new CopyKeeping(copy.id(), copy.kind(), copy.requestRef(), until, withoutEnd, WITH_ORIGINAL))
			.toList();
	}

	/** The holds standing on the recording, or on the case of its activity. */
	@Transactional(readOnly = true)
	public List<Hold> holdsOn(UUID recordingId) {
		List<UUID> subjects = new ArrayList<>(List.of(recordingId));
		cases.caseOf(recordingId).ifPresent(subjects::add);
		return holds.standingOn(subjects);
	}

	/** Places a hold; those who may mark recordings for long-term keeping may hold them. */
	@Transactional
	public Hold place(Actor actor, NewHold asked) {
		String agency = actor.agency().orElseThrow(() -> CustodiaException.forbidden("rule.administrator-no-footage",
				PolicyDecisions.SEPARATION_OF_DUTIES));
		decisions.decide(actor, Action.MARK_LONG_TERM, agency).orThrow();
		Hold.Kind kind;
		try {
			kind = Hold.Kind.valueOf(asked.kind() == null ? "" : asked.kind().strip().toUpperCase(Locale.ROOT).replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw CustodiaException.badRequest("error.hold-kind", asked.kind());
		}
		String reason = reason(asked.reason());
		Hold.Subject subject;
		UUID subjectId;
		if (asked.recordingId() != null) {
			subject = Hold.Subject.RECORDING;
			subjectId = register.visibleTo(actor, asked.recordingId()).id();
		}
		else if (asked.caseId() != null && cases.caseNumber(agency, asked.caseId()).isPresent()) {
			subject = Hold.Subject.CASE;
			subjectId = asked.caseId();
		}
		else {
			throw CustodiaException.badRequest("error.hold-subject");
		}
		Hold hold = new Hold(UUID.randomUUID(), agency, subject, subjectId, kind, reason, actor.username(), clock.instant(),
				null, null, null);
		holds.insert(hold);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("subject", subject.name());
		entry.put("subjectId", subjectId.toString());
		entry.put("kind", kind.name());
		entry.put("reason", reason);
		ledger.append(LedgerEvent.by(actor, agency, "retention.hold-placed", "hold", hold.id().toString(), entry));
		return hold;
	}

	/** Releases a standing hold, with the reason. */
	@Transactional
	public Hold release(Actor actor, UUID holdId, String reason) {
		Hold hold = holds.find(holdId).filter(found -> actor.belongsTo(found.agency()))
			.orElseThrow(() -> CustodiaException.notFound("error.hold-not-found", holdId));
		decisions.decide(actor, Action.MARK_LONG_TERM, hold.agency()).orThrow();
		String why = reason(reason);
		if (!holds.released(holdId, actor.username(), clock.instant(), why)) {
			throw CustodiaException.conflict("error.hold-released", holdId);
		}
		ledger.append(LedgerEvent.by(actor, hold.agency(), "retention.hold-released", "hold", holdId.toString(),
				Map.of("reason", why)));
		return holds.find(holdId).orElseThrow();
	}

	/** Whether the actor may place and release holds in the agency (those who may mark long-term keeping). */
	public boolean mayHold(Actor actor, String agency) {
		return decisions.decide(actor, Action.MARK_LONG_TERM, agency).isAllowed();
	}

	/** The agency's holds, standing ones or all. */
	@Transactional(readOnly = true)
	public List<Hold> holds(Actor actor, String agency, boolean standingOnly) {
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		return holds.of(agency, standingOnly);
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > 2000) {
			throw CustodiaException.badRequest("error.hold-reason");
		}
		return reason.strip();
	}
}
