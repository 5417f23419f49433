package org.custodia.access;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodia.activity.CaseHandlers;
import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AccessMatrix;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.custodia.shared.SecrecyMarks;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secrecy marks (ACC-9: 000 art. 19, 001 art. 14, 002 art. 19, 004 art. 15). Anyone of the agency who sees a
 * recording may propose a mark on it or on a case, naming who may still see it; it takes effect once approved by the
 * leader who approves other staff's viewing (never its proposer), and is lifted the same way. Everyone the mark does
 * not name loses sight of the recording: not in lists, not by its id, not in the access register.
 */
@Component
public class Secrecy implements SecrecyMarks {

	/** A proposed mark: on a recording or on a case. */
	public record NewMark(UUID recordingId, UUID caseId, String kind, List<UUID> named, String reason) {
	}

	private final SecrecyMarkRepository marks;

	private final RecordingRegister register;

	private final CaseHandlers cases;

	private final AccessMatrix matrix;

	private final PolicyDecisions decisions;

	private final Users users;

	private final Ledger ledger;

	private final Clock clock;

	Secrecy(SecrecyMarkRepository marks, RecordingRegister register, CaseHandlers cases, AccessMatrix matrix,
			PolicyDecisions decisions, Users users, Ledger ledger, Clock clock) {
		this.marks = marks;
		this.register = register;
		this.cases = cases;
		this.matrix = matrix;
		this.decisions = decisions;
		this.users = users;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<UUID> hiddenFrom(Actor actor, String agency) {
		List<SecrecyMark> inForce = marks.inForce(agency);
		if (inForce.isEmpty()) {
			return Set.of();
		}
		Set<UUID> hidden = new HashSet<>();
		Set<UUID> seen = new HashSet<>();
		for (SecrecyMark mark : inForce) {
			List<UUID> covered = mark.subjectType() == SecrecyMark.Subject.RECORDING ? List.of(mark.subjectId())
					: cases.recordingsOfCase(agency, mark.subjectId());
			if (mark.named().contains(actor.userId())) {
				seen.addAll(covered);
			}
			else {
				hidden.addAll(covered);
			}
		}
		// a recording under two marks stays hidden from whoever either of them leaves out
		return Set.copyOf(hidden);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean marked(UUID recordingId, String agency) {
		List<UUID> subjects = new java.util.ArrayList<>(List.of(recordingId));
		cases.caseOf(recordingId).ifPresent(subjects::add);
		return !marks.inForceOn(subjects).isEmpty();
	}

	/** Proposes a mark; it hides nothing until approved. */
	@Transactional
	public SecrecyMark propose(Actor actor, NewMark asked) {
		String agency = actor.agency().orElseThrow(() -> CustodiaException.forbidden("rule.administrator-no-footage",
				PolicyDecisions.SEPARATION_OF_DUTIES));
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		SecrecyMark.Kind kind;
		try {
			kind = SecrecyMark.Kind.valueOf(asked.kind() == null ? "" : asked.kind().strip().toUpperCase(java.util.Locale.ROOT)
				.replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw CustodiaException.badRequest("error.secrecy-kind", asked.kind());
		}
		if (asked.reason() == null || asked.reason().isBlank() || asked.reason().strip().length() > 2000) {
			throw CustodiaException.badRequest("error.secrecy-reason");
		}
		SecrecyMark.Subject subject;
		UUID subjectId;
		if (asked.recordingId() != null) {
			subject = SecrecyMark.Subject.RECORDING;
			subjectId = register.visibleTo(actor, asked.recordingId()).id();
		}
		else if (asked.caseId() != null) {
			subject = SecrecyMark.Subject.CASE;
			subjectId = cases.caseNumber(agency, asked.caseId()).map(number -> asked.caseId())
				.orElseThrow(() -> CustodiaException.notFound("error.secrecy-case-not-found", asked.caseId()));
		}
		else {
			throw CustodiaException.badRequest("error.secrecy-subject");
		}
		Set<UUID> named = new LinkedHashSet<>(asked.named() == null ? List.of() : asked.named());
		if (named.isEmpty()) {
			throw CustodiaException.badRequest("error.secrecy-named");
		}
		for (UUID person : named) {
			users.findByIdForSystem(person).filter(user -> agency.equals(user.agency()) && !user.has(Role.ADMINISTRATOR))
				.orElseThrow(() -> CustodiaException.badRequest("error.secrecy-named-unknown", person));
		}
		SecrecyMark mark = new SecrecyMark(java.util.UUID.randomUUID(), agency, subject, subjectId, kind, named,
				asked.reason().strip(), SecrecyMark.State.PROPOSED, actor.username(), actor.userId(), clock.instant(),
				null, null, null, null);
		marks.insert(mark);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("subject", subject.name());
		entry.put("subjectId", subjectId.toString());
		entry.put("kind", kind.name());
		entry.put("named", named.stream().map(UUID::toString).toList());
		entry.put("reason", mark.reason());
		ledger.append(LedgerEvent.by(actor, agency, "access.secrecy-proposed", "secrecy-mark", mark.id().toString(), entry));
		return mark;
	}

	/** Asks to lift a mark in force; it keeps hiding until the removal is approved. */
	@Transactional
	public SecrecyMark askRemoval(Actor actor, UUID id, String reason) {
		SecrecyMark mark = visible(actor, id);
		if (reason == null || reason.isBlank()) {
			throw CustodiaException.badRequest("error.secrecy-reason");
		}
		if (!mark.named().contains(actor.userId()) && approvers(mark.agency()).stream().noneMatch(actor::has)) {
			throw CustodiaException.forbidden("rule.secrecy-named-only", matrix.secrecyCite(mark.agency()));
		}
		if (!marks.removalAsked(id, reason.strip(), actor.userId())) {
			throw CustodiaException.conflict("error.secrecy-state", stateKey(mark.state()));
		}
		ledger.append(LedgerEvent.by(actor, mark.agency(), "access.secrecy-removal-asked", "secrecy-mark", id.toString(),
				Map.of("reason", reason.strip())));
		return marks.find(id).orElseThrow();
	}

	/**
	 * Approves or refuses a proposed mark, or a proposed removal. The decider holds the role that approves other
	 * staff's viewing and is not who proposed it.
	 */
	@Transactional
	public SecrecyMark decide(Actor actor, UUID id, boolean approved, String note) {
		SecrecyMark mark = visible(actor, id);
		List<Role> approvers = approvers(mark.agency());
		if (approvers.stream().noneMatch(actor::has)) {
			throw CustodiaException.forbidden("rule.needs-approval", matrix.secrecyCite(mark.agency()),
					String.join("|", approvers.stream().map(role -> "role." + role.code()).toList()));
		}
		boolean removal = mark.state() == SecrecyMark.State.REMOVAL_PROPOSED;
		UUID asker = removal ? mark.removalById() : mark.proposedById();
		if (actor.userId().equals(asker)) {
			throw CustodiaException.refused("rule.secrecy-not-own", matrix.secrecyCite(mark.agency()));
		}
		SecrecyMark.State to;
		if (mark.state() == SecrecyMark.State.PROPOSED) {
			to = approved ? SecrecyMark.State.ACTIVE : SecrecyMark.State.REFUSED;
		}
		else if (removal) {
			to = approved ? SecrecyMark.State.LIFTED : SecrecyMark.State.ACTIVE;
		}
		else {
			throw CustodiaException.conflict("error.secrecy-state", stateKey(mark.state()));
		}
		String decider = users.findByIdForSystem(actor.userId()).map(UserView::displayName).orElse(actor.username());
		if (!marks.moved(id, mark.state(), to, decider, clock.instant())) {
			throw CustodiaException.conflict("error.secrecy-state", stateKey(mark.state()));
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("decision", to.name());
		entry.put("cite", matrix.secrecyCite(mark.agency()));
		if (note != null && !note.isBlank()) {
			entry.put("note", note.strip());
		}
		ledger.append(LedgerEvent.by(actor, mark.agency(), "access.secrecy-decided", "secrecy-mark", id.toString(), entry));
		return marks.find(id).orElseThrow();
	}

	/**
	 * The agency's marks this actor may know of: all of them for those who approve marks, otherwise those naming him
	 * or proposed by him (a mark itself tells which recording is secret).
	 */
	@Transactional(readOnly = true)
	public List<SecrecyMark> list(Actor actor, String agency) {
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		boolean approver = approvers(agency).stream().anyMatch(actor::has);
		return marks.of(agency).stream().filter(mark -> approver || knows(actor, mark)).toList();
	}

	/**
	 * A mark as its page shows it: what it covers, by name; whom it names, by name; and which step the reader may
	 * take on it now.
	 */
	public record Line(SecrecyMark mark, String subject, List<String> namedNames, boolean mayDecide,
			boolean mayAskRemoval) {
	}

	/** The marks the actor may know of ({@link #list}), as the page shows them. */
	@Transactional(readOnly = true)
	public List<Line> lines(Actor actor, String agency) {
		boolean approver = approvers(agency).stream().anyMatch(actor::has);
		return list(actor, agency).stream().map(mark -> {
			String subject = mark.subjectType() == SecrecyMark.Subject.RECORDING
					? register.find(mark.subjectId()).map(org.custodia.recording.Recording::originalName).orElse("—")
					: cases.caseNumber(agency, mark.subjectId()).orElse("—");
			List<String> names = mark.named().stream()
				.map(id -> users.findByIdForSystem(id).map(UserView::displayName).orElse(id.toString()))
				.toList();
			UUID asker = mark.state() == SecrecyMark.State.REMOVAL_PROPOSED ? mark.removalById() : mark.proposedById();
			boolean decidable = mark.state() == SecrecyMark.State.PROPOSED || mark.state() == SecrecyMark.State.REMOVAL_PROPOSED;
			return new Line(mark, subject, names, approver && decidable && !actor.userId().equals(asker),
					mark.state() == SecrecyMark.State.ACTIVE && (approver || mark.named().contains(actor.userId())));
		}).toList();
	}

	/** Who approves marks and their removal: whoever approves other staff's viewing, else the chief. */
	List<Role> approvers(String agency) {
		List<Role> approvers = matrix.answer(agency, AccessMatrix.Requester.OTHER_STAFF, AccessMatrix.Use.WATCH, false)
			.approvers();
		return approvers.isEmpty() ? List.of(Role.CHIEF) : approvers;
	}

	private SecrecyMark visible(Actor actor, UUID id) {
		return marks.find(id)
			.filter(mark -> actor.belongsTo(mark.agency()) && !actor.has(Role.ADMINISTRATOR))
			.filter(mark -> knows(actor, mark) || approvers(mark.agency()).stream().anyMatch(actor::has))
			.orElseThrow(() -> CustodiaException.notFound("error.secrecy-not-found", id));
	}

	/** The state as a message key, so that the refusal names it in the reader's words. */
	static String stateKey(SecrecyMark.State state) {
		return "access.secrecy." + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private static boolean knows(Actor actor, SecrecyMark mark) {
		return mark.named().contains(actor.userId()) || actor.userId().equals(mark.proposedById());
	}
}
