package org.custodia.access;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.custodia.activity.CaseHandlers;
import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AccessMatrix;
import org.custodia.policy.Action;
import org.custodia.policy.Decision;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.Recording;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access requests (调阅, ACC-1…8): their entry and decision, and who sees which. Who may ask for what is the
 * agency's access section ({@link AccessMatrix}); the approver is the role it names for that requester and use,
 * never the requester; an approval lasts as the policy says and ends when its holder leaves his unit. Every step is
 * a ledger entry. Documents are {@link AccessRequestDocuments}', the other ends {@link AccessRequestEnds}'.
 */
@Component
public class AccessRequests {

	static final int MOST = 500;

	static final int NUMBER_ATTEMPTS = 5;

	/** What is asked: recordings by id, or those of a case or activity. */
	public record NewRequest(List<UUID> recordings, UUID caseId, UUID activityId, String requesterKind,
			String requesterName, Boolean lawyer, String onBehalfOf, String reason, List<String> actions) {

		boolean isLawyer() {
			return Boolean.TRUE.equals(lawyer);
		}
	}

	/** The decision: approved or refused, with a note; {@code recordings} narrows an approval (partly approved). */
	public record NewDecision(Boolean approved, String note, List<UUID> recordings, Instant until) {
	}

	private final AccessRequestRepository requests;

	private final AccessMatrix matrix;

	private final PolicyDecisions decisions;

	private final CaseHandlers cases;

	private final Users users;

	private final Ledger ledger;

	private final Clock clock;

	private final org.springframework.transaction.support.TransactionTemplate transactions;

	private final Map<String, Object> numbering = new java.util.concurrent.ConcurrentHashMap<>();

	private final AccessRegister accessRegister;

	private final Secrecy secrecy;

	private final AccessRequestQueries queries;

	private final RequestInput input;

	AccessRequests(AccessRequestRepository requests, AccessMatrix matrix, PolicyDecisions decisions,
			CaseHandlers cases, Users users, Ledger ledger, Clock clock,
			AccessRegister accessRegister, Secrecy secrecy, AccessRequestQueries queries, RequestInput input,
			org.springframework.transaction.support.TransactionTemplate transactions) {
		this.transactions = transactions;
		this.queries = queries;
		this.input = input;
		this.accessRegister = accessRegister;
		this.secrecy = secrecy;
		this.requests = requests;
		this.matrix = matrix;
		this.decisions = decisions;
		this.cases = cases;
		this.users = users;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Enters a request. Staff ask for themselves (the case handler only for recordings of his cases); an outsider's
	 * request is entered by the register's keeper. A use the agency's rules do not provide for is refused here with
	 * its article; a case handler's direct view (001-access art. 4) is approved at once.
	 */
	public AccessRequest submit(Actor actor, NewRequest asked) {
		// A number is the agency's highest this year plus one: on this server one request of an agency is entered at a
		// time, so two clerks never take the same; on another server of a cluster they may, and the one whose insert
		// fails on the number's unique constraint tries again, in a new transaction, a moment later.
		Object numbering = this.numbering.computeIfAbsent(actor.agency().orElse(""), agency -> new Object());
		for (int attempt = 1;; attempt++) {
			try {
				synchronized (numbering) {
					return transactions.execute(status -> submitOnce(actor, asked));
				}
			}
			catch (org.springframework.dao.DuplicateKeyException taken) {
				if (attempt == NUMBER_ATTEMPTS) {
					throw taken;
				}
				try {
					Thread.sleep(ThreadLocalRandom.current().nextLong(20, 100) * attempt);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw taken;
				}
			}
		}
	}

	private AccessRequest submitOnce(Actor actor, NewRequest asked) {
		String agency = actor.agency().orElseThrow(() -> CustodiaException.forbidden("rule.administrator-no-footage",
				PolicyDecisions.SEPARATION_OF_DUTIES));
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		AccessMatrix.Requester kind = AccessMatrix.Requester.fromCode(RequestInput.blankToNull(asked.requesterKind()))
			.orElseThrow(() -> CustodiaException.badRequest("error.access-requester-kind", asked.requesterKind()));
		Set<AccessMatrix.Use> uses = RequestInput.uses(asked.actions());
		List<Recording> recordings = input.recordings(actor, agency, asked);
		String reason = RequestInput.trimmed(asked.reason(), 2000, "reason");
		String onBehalfOf = RequestInput.trimmed(asked.onBehalfOf(), 300, "onBehalfOf");
		UserView self = users.findByIdForSystem(actor.userId()).orElseThrow();
		String requesterName;
		if (kind.staff()) {
			requesterName = self.displayName();
			if (kind == AccessMatrix.Requester.CASE_HANDLER) {
				recordings.stream().filter(recording -> !cases.handles(actor.userId(), recording.id())).findFirst()
					.ifPresent(recording -> {
						throw CustodiaException.refused("rule.access-not-case-handler",
								matrix.answer(agency, kind, AccessMatrix.Use.WATCH, false).decision().citation(),
								recording.originalName());
					});
			}
		}
		else {
			Role keeper = matrix.registerKeeper(agency);
			if (!actor.has(keeper)) {
				throw CustodiaException.forbidden("rule.access-entered-by-keeper", matrix.registerCite(agency),
						"role." + keeper.code());
			}
			requesterName = RequestInput.trimmed(asked.requesterName(), 200, "requesterName");
			if (requesterName == null) {
				throw CustodiaException.badRequest("error.access-requester-name");
			}
		}
		List<AccessMatrix.Answer> answers = new ArrayList<>();
		for (AccessMatrix.Use use : uses) {
			AccessMatrix.Answer answer = matrix.answer(agency, kind, use, asked.isLawyer());
			if (answer.refused()) {
				throw CustodiaException.forbidden("rule.access-not-provided-for", answer.decision().citation(),
						"access.requester." + kind.code(), "access.use." + use.code());
			}
			if (answer.reasonRequired() && reason == null) {
				throw CustodiaException.refused("error.access-reason-required", answer.decision().citation());
			}
			answers.add(answer);
		}
		if (uses.contains(AccessMatrix.Use.PUBLIC_USE) && matrix.publicUseExceptSecret(agency)) {
			recordings.stream().filter(recording -> secrecy.marked(recording.id(), agency)).findFirst()
				.ifPresent(recording -> {
					throw CustodiaException.refused("rule.access-public-use-secret", matrix.secrecyCite(agency),
							recording.originalName());
				});
		}
		boolean nobodyApproves = answers.stream().allMatch(answer -> answer.decision().isAllowed());
		Instant now = clock.instant();
		boolean atOnce = nobodyApproves && kind.staff();
		String cite = String.join("; ", answers.stream().map(answer -> answer.decision().citation()).distinct().toList());
		Set<Role> approverRoles = new LinkedHashSet<>();
		answers.forEach(answer -> approverRoles.addAll(answer.approvers()));
		String approvers = nobodyApproves ? matrix.registerKeeper(agency).code() + ":verify"
				: String.join(" | ", approverRoles.stream().map(Role::code).toList());
		AccessRequest request = new AccessRequest(UUID.randomUUID(), agency,
				requests.nextNumber(agency, LocalDate.ofInstant(now, clock.getZone()).getYear()), kind, requesterName,
				kind.staff() ? actor.userId() : null, asked.isLawyer() && kind == AccessMatrix.Requester.PARTY_OR_LAWYER,
				onBehalfOf, asked.caseId(), asked.activityId(), reason, uses,
				atOnce ? AccessRequest.State.APPROVED : AccessRequest.State.SUBMITTED, approvers, cite, actor.username(),
				now, actor.userId(), atOnce ? self.displayName() : null, atOnce ? now : null, null,
				atOnce ? now.plus(matrix.grantValidity(agency)) : null, null,
				recordings.stream().map(recording -> new AccessRequest.Item(recording.id(), atOnce)).toList(), List.of());
		requests.insert(request, actor.userId(), self.unitId());
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("number", request.number());
		entry.put("requesterKind", kind.code());
		entry.put("requester", requesterName);
		if (onBehalfOf != null) {
			entry.put("onBehalfOf", onBehalfOf);
		}
		entry.put("uses", AccessRequestRepository.codes(uses));
		entry.put("recordings", recordings.stream().map(recording -> recording.id().toString()).toList());
		if (reason != null) {
			entry.put("reason", reason);
		}
		entry.put("approvers", approvers);
		entry.put("cite", cite);
		if (atOnce) {
			entry.put("approved", "at once: the regulation lets the case handler view directly");
			entry.put("until", request.expiresAt().toString());
		}
		ledger.append(LedgerEvent.by(actor, agency, "access.requested", "access-request", request.id().toString(), entry));
		return requests.find(request.id()).orElseThrow();
	}


	/**
	 * Approves (all or some recordings) or refuses. The decider holds a role the agency's rules name for every use
	 * asked (any of them when several may approve), is not the requester, and for a use nobody approves is the
	 * register's keeper checking the documents; every document the rules ask for must be attached first.
	 */
	@Transactional
	public AccessRequest decide(Actor actor, UUID requestId, NewDecision decision) {
		AccessRequest request = queries.visible(actor, requestId);
		if (request.state() != AccessRequest.State.SUBMITTED) {
			throw CustodiaException.conflict("error.access-request-decided", request.number());
		}
		decisions.decide(actor, Action.SEE_RECORDINGS, request.agency()).orThrow();
		if (actor.userId().equals(request.requesterUserId())) {
			throw CustodiaException.refused("rule.access-not-own-request", request.cite(), request.number());
		}
		List<String> missingDocuments = new ArrayList<>();
		for (AccessMatrix.Use use : request.uses()) {
			AccessMatrix.Answer answer = matrix.answer(request.agency(), request.requesterKind(), use, request.lawyer());
			if (answer.refused()) {
				throw CustodiaException.forbidden("rule.access-not-provided-for", answer.decision().citation(),
						"access.requester." + request.requesterKind().code(), "access.use." + use.code());
			}
			mayDecide(actor, request, answer);
			answer.documents().stream()
				.filter(kind -> request.documents().stream().noneMatch(document -> document.kind().equals(kind)))
				.filter(kind -> !missingDocuments.contains(kind))
				.forEach(missingDocuments::add);
		}
		if (decision.approved() == null) {
			throw CustodiaException.badRequest("error.field-required", "approved");
		}
		String note = RequestInput.trimmed(decision.note(), 2000, "note");
		Instant now = clock.instant();
		AccessRequest.State state;
		Set<UUID> granted = new LinkedHashSet<>();
		Instant until = null;
		UUID holderUnit = null;
		if (decision.approved()) {
			if (!missingDocuments.isEmpty()) {
				throw CustodiaException.refused("error.access-documents-missing", request.cite(),
						String.join("|", missingDocuments.stream().map(kind -> "document." + kind).toList()));
			}
			List<UUID> asked = request.recordings().stream().map(AccessRequest.Item::recordingId).toList();
			List<UUID> chosen = decision.recordings() == null || decision.recordings().isEmpty() ? asked : decision.recordings();
			for (UUID id : chosen) {
				if (!asked.contains(id)) {
					throw CustodiaException.badRequest("error.access-recording-not-asked", id);
				}
				granted.add(id);
			}
			state = granted.size() == asked.size() ? AccessRequest.State.APPROVED : AccessRequest.State.PARTLY_APPROVED;
			until = decision.until() != null ? decision.until() : now.plus(matrix.grantValidity(request.agency()));
			if (!until.isAfter(now)) {
				throw CustodiaException.badRequest("error.access-until-past");
			}
			holderUnit = users.findByIdForSystem(request.holderId()).map(UserView::unitId).orElse(null);
		}
		else {
			if (note == null) {
				throw CustodiaException.badRequest("error.access-refusal-reason");
			}
			state = AccessRequest.State.REFUSED;
		}
		// the register names the approver as people know him; the ledger entry keeps his account
		String decider = users.findByIdForSystem(actor.userId()).map(UserView::displayName).orElse(actor.username());
		requests.decided(requestId, state, decider, now, note, until, holderUnit, granted);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("number", request.number());
		entry.put("decision", state.name());
		entry.put("cite", request.cite());
		if (note != null) {
			entry.put("note", note);
		}
		if (until != null) {
			entry.put("granted", granted.stream().map(UUID::toString).toList());
			entry.put("until", until.toString());
		}
		ledger.append(LedgerEvent.by(actor, request.agency(), "access.decided", "access-request", requestId.toString(), entry));
		if (request.uses().contains(AccessMatrix.Use.PUBLIC_USE)) {
			accessRegister.publicUse(actor, request, granted, decider);
		}
		return requests.find(requestId).orElseThrow();
	}

	private void mayDecide(Actor actor, AccessRequest request, AccessMatrix.Answer answer) {
		Decision rule = answer.decision();
		if (rule.isAllowed()) {
			Role keeper = matrix.registerKeeper(request.agency());
			if (!actor.has(keeper)) {
				throw CustodiaException.forbidden("rule.access-verified-by-keeper", matrix.registerCite(request.agency()),
						"role." + keeper.code());
			}
			return;
		}
		if (rule.approvers().stream().noneMatch(actor::has)) {
			throw CustodiaException.forbidden("rule.needs-approval", rule.citation(),
					String.join("|", rule.approvers().stream().map(role -> "role." + role.code()).toList()));
		}
	}
}
