package org.custodia.access;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
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
import org.custodia.policy.Decision;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Access requests (调阅, ACC-1…8) from entry to end: who may ask for what is the agency's access section
 * ({@link AccessMatrix}); the approver is the role it names for that requester and use, never the requester;
 * an approval lasts as the policy says and ends when its holder leaves his unit. Every step is a ledger entry.
 */
@Component
public class AccessRequests {

	static final int MOST = 500;

	static final long LARGEST_DOCUMENT = 50L * 1024 * 1024;

	static final Set<String> DOCUMENT_KINDS = Set.of("letter-of-introduction", "applicant-id", "power-of-attorney",
			"authorisation", "practising-licence", "approval-form", "other");

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

	private final RecordingRegister register;

	private final CaseHandlers cases;

	private final Users users;

	private final BlobStore store;

	private final Ledger ledger;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final AccessRegister accessRegister;

	private final Secrecy secrecy;

	AccessRequests(AccessRequestRepository requests, AccessMatrix matrix, PolicyDecisions decisions,
			RecordingRegister register, CaseHandlers cases, Users users, BlobStore store, Ledger ledger, Clock clock,
			TransactionTemplate transactions, AccessRegister accessRegister, Secrecy secrecy) {
		this.accessRegister = accessRegister;
		this.secrecy = secrecy;
		this.requests = requests;
		this.matrix = matrix;
		this.decisions = decisions;
		this.register = register;
		this.cases = cases;
		this.users = users;
		this.store = store;
		this.ledger = ledger;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Enters a request. Staff ask for themselves (the case handler only for recordings of his cases); an outsider's
	 * request is entered by the register's keeper. A use the agency's rules do not provide for is refused here with
	 * its article; a case handler's direct view (001-access art. 4) is approved at once.
	 */
	@Transactional
	public AccessRequest submit(Actor actor, NewRequest asked) {
		String agency = actor.agency().orElseThrow(() -> CustodiaException.forbidden("rule.administrator-no-footage",
				PolicyDecisions.SEPARATION_OF_DUTIES));
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		AccessMatrix.Requester kind = AccessMatrix.Requester.fromCode(blankToNull(asked.requesterKind()))
			.orElseThrow(() -> CustodiaException.badRequest("error.access-requester-kind", asked.requesterKind()));
		Set<AccessMatrix.Use> uses = uses(asked.actions());
		List<Recording> recordings = recordings(actor, agency, asked);
		String reason = trimmed(asked.reason(), 2000, "reason");
		String onBehalfOf = trimmed(asked.onBehalfOf(), 300, "onBehalfOf");
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
			requesterName = trimmed(asked.requesterName(), 200, "requesterName");
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

	/** A scanned document the requester brought, stored write-once beside the request while it waits for its decision. */
	public AccessRequest attach(Actor actor, UUID requestId, String kind, String originalName, String contentType,
			long size, InputStream content) {
		AccessRequest request = visible(actor, requestId);
		if (request.state() != AccessRequest.State.SUBMITTED) {
			throw CustodiaException.conflict("error.access-request-decided", request.number());
		}
		if (!actor.userId().equals(request.holderId()) && !actor.has(matrix.registerKeeper(request.agency()))) {
			throw CustodiaException.forbidden("rule.access-entered-by-keeper", matrix.registerCite(request.agency()),
					"role." + matrix.registerKeeper(request.agency()).code());
		}
		if (kind == null || !DOCUMENT_KINDS.contains(kind)) {
			throw CustodiaException.badRequest("error.access-document-kind", kind);
		}
		if (size <= 0) {
			throw CustodiaException.badRequest("error.access-document-empty", originalName);
		}
		if (size > LARGEST_DOCUMENT) {
			throw CustodiaException.badRequest("error.access-document-too-large", originalName, LARGEST_DOCUMENT / 1024 / 1024);
		}
		String name = originalName == null || originalName.isBlank() ? kind : java.nio.file.Path.of(originalName.replace('\\', '/')).getFileName().toString();
		if (name.length() > 300) {
			name = name.substring(name.length() - 300);
		}
		// stored before the transaction: the store is write-once, and a row is written only for what it holds
		StoredBlob blob = store.put(request.agency(), LocalDate.ofInstant(clock.instant(), clock.getZone()), name, content);
		String stored = name;
		return transactions.execute(status -> {
			AccessRequest.Document document = new AccessRequest.Document(UUID.randomUUID(), kind, stored, blob.sha256(),
					blob.size(), contentType, actor.username(), clock.instant());
			requests.insertDocument(requestId, document, blob.key());
			ledger.append(LedgerEvent.by(actor, request.agency(), "access.document-attached", "access-request",
					requestId.toString(), Map.of("number", request.number(), "document", kind, "file", stored, "sha256",
							blob.sha256(), "size", blob.size())));
			return requests.find(requestId).orElseThrow();
		});
	}

	/** A document's stored bytes, to those who may see the request. */
	public Document document(Actor actor, UUID documentId) {
		AccessRequestRepository.StoredDocument stored = requests.document(documentId)
			.orElseThrow(() -> CustodiaException.notFound("error.access-document-not-found", documentId));
		visible(actor, stored.requestId());
		return new Document(stored.document(), store.open(stored.storeKey(), 0, -1));
	}

	/** A document and its bytes, to be closed by the reader. */
	public record Document(AccessRequest.Document document, InputStream content) {
	}

	/**
	 * Approves (all or some recordings) or refuses. The decider holds a role the agency's rules name for every use
	 * asked (any of them when several may approve), is not the requester, and for a use nobody approves is the
	 * register's keeper checking the documents; every document the rules ask for must be attached first.
	 */
	@Transactional
	public AccessRequest decide(Actor actor, UUID requestId, NewDecision decision) {
		AccessRequest request = visible(actor, requestId);
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
		String note = trimmed(decision.note(), 2000, "note");
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
			// the approval is the release for public use: its line names the requester, the approver and the article
			for (UUID recording : granted) {
				accessRegister.add(new AccessRegisterEntry(UUID.randomUUID(), request.agency(), now,
						AccessRegisterEntry.Kind.PUBLIC_USE, recording, register.find(recording).map(Recording::originalName)
							.orElse(null), request.requesterName(), request.requesterUserId(), request.forWhom(),
						request.reason(), request.id(), request.number(), decider, request.cite(), actor.username(), null));
			}
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

	/** The requester, whoever entered it, or the keeper withdraws a request that is not over yet. */
	@Transactional
	public AccessRequest withdraw(Actor actor, UUID requestId, String reason) {
		AccessRequest request = visible(actor, requestId);
		boolean own = actor.userId().equals(request.requesterUserId()) || actor.userId().equals(request.holderId())
				|| actor.has(matrix.registerKeeper(request.agency()));
		if (!own) {
			throw CustodiaException.forbidden("rule.access-withdraw-own", matrix.registerCite(request.agency()));
		}
		return close(actor, request, EnumSet.of(AccessRequest.State.SUBMITTED, AccessRequest.State.APPROVED,
				AccessRequest.State.PARTLY_APPROVED), AccessRequest.State.WITHDRAWN, "access.withdrawn", reason);
	}

	/** The holder or the keeper closes an approval as done: what was approved was watched or handed over. */
	@Transactional
	public AccessRequest fulfil(Actor actor, UUID requestId, String note) {
		AccessRequest request = visible(actor, requestId);
		if (!actor.userId().equals(request.holderId()) && !actor.has(matrix.registerKeeper(request.agency()))) {
			throw CustodiaException.forbidden("rule.access-withdraw-own", matrix.registerCite(request.agency()));
		}
		return close(actor, request, EnumSet.of(AccessRequest.State.APPROVED, AccessRequest.State.PARTLY_APPROVED),
				AccessRequest.State.FULFILLED, "access.fulfilled", note);
	}

	private AccessRequest close(Actor actor, AccessRequest request, Set<AccessRequest.State> from,
			AccessRequest.State to, String action, String note) {
		if (!requests.closed(request.id(), from, to, clock.instant())) {
			throw CustodiaException.conflict("error.access-request-over", request.number());
		}
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("number", request.number());
		String trimmed = trimmed(note, 2000, "note");
		if (trimmed != null) {
			entry.put("note", trimmed);
		}
		ledger.append(LedgerEvent.by(actor, request.agency(), action, "access-request", request.id().toString(), entry));
		return requests.find(request.id()).orElseThrow();
	}

	/** Marks approvals past their end as expired, each with its ledger entry; returns how many. */
	@Scheduled(fixedDelayString = "${custodia.access.expiry-sweep:PT1M}")
	public int expireDue() {
		int expired = 0;
		for (UUID id : requests.dueToExpire(clock.instant(), MOST)) {
			Boolean done = transactions.execute(status -> {
				AccessRequest request = requests.find(id).orElseThrow();
				if (!requests.closed(id, EnumSet.of(AccessRequest.State.APPROVED, AccessRequest.State.PARTLY_APPROVED),
						AccessRequest.State.EXPIRED, clock.instant())) {
					return false;
				}
				ledger.append(LedgerEvent.bySystem("access-expiry", request.agency(), "access.expired", "access-request",
						id.toString(), Map.of("number", request.number(), "until", request.expiresAt().toString())));
				return true;
			});
			expired += Boolean.TRUE.equals(done) ? 1 : 0;
		}
		return expired;
	}

	@Transactional(readOnly = true)
	public AccessRequest get(Actor actor, UUID requestId) {
		return visible(actor, requestId);
	}

	/**
	 * The agency's requests of one state (all when null), newest first. Approvers, the keeper and supervisors see
	 * the agency's; anyone else the requests he made or holds.
	 */
	@Transactional(readOnly = true)
	public List<AccessRequest> list(Actor actor, String agency, AccessRequest.State state) {
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		List<AccessRequest> all = requests.list(agency, state, MOST);
		if (seesAll(actor, agency)) {
			return all;
		}
		return all.stream().filter(request -> involves(actor, request)).toList();
	}

	/** The requests waiting for a decision this actor may make. */
	@Transactional(readOnly = true)
	public List<AccessRequest> inbox(Actor actor, String agency) {
		return list(actor, agency, AccessRequest.State.SUBMITTED).stream()
			.filter(request -> !actor.userId().equals(request.requesterUserId()))
			.filter(request -> request.uses().stream().allMatch(use -> {
				AccessMatrix.Answer answer = matrix.answer(agency, request.requesterKind(), use, request.lawyer());
				return !answer.refused() && (answer.decision().isAllowed() ? actor.has(matrix.registerKeeper(agency))
						: answer.approvers().stream().anyMatch(actor::has));
			}))
			.toList();
	}

	private boolean seesAll(Actor actor, String agency) {
		return actor.has(matrix.registerKeeper(agency)) || actor.has(Role.CHIEF) || actor.has(Role.LEADER_IN_CHARGE)
				|| actor.has(Role.LEGAL_HEAD) || actor.has(Role.SUPERVISOR);
	}

	private static boolean involves(Actor actor, AccessRequest request) {
		return actor.userId().equals(request.requesterUserId()) || actor.userId().equals(request.holderId());
	}

	/** A request of the actor's agency he may see (another agency's, or one not his to see, is not found). */
	private AccessRequest visible(Actor actor, UUID requestId) {
		AccessRequest request = requests.find(requestId)
			.filter(found -> actor.belongsTo(found.agency()) && !actor.has(Role.ADMINISTRATOR))
			.orElseThrow(() -> CustodiaException.notFound("error.access-request-not-found", requestId));
		if (!seesAll(actor, request.agency()) && !involves(actor, request)
				&& !mayDecideAny(actor, request)) {
			throw CustodiaException.notFound("error.access-request-not-found", requestId);
		}
		return request;
	}

	private boolean mayDecideAny(Actor actor, AccessRequest request) {
		return request.uses().stream().anyMatch(use -> matrix.answer(request.agency(), request.requesterKind(), use,
				request.lawyer()).approvers().stream().anyMatch(actor::has));
	}

	private List<Recording> recordings(Actor actor, String agency, NewRequest asked) {
		List<UUID> ids;
		if (asked.recordings() != null && !asked.recordings().isEmpty()) {
			ids = asked.recordings();
		}
		else if (asked.caseId() != null) {
			ids = cases.recordingsOfCase(agency, asked.caseId());
		}
		else if (asked.activityId() != null) {
			ids = cases.recordingsOfActivity(agency, asked.activityId());
		}
		else {
			ids = List.of();
		}
		if (ids.isEmpty()) {
			throw CustodiaException.badRequest("error.access-no-recordings");
		}
		if (ids.size() > MOST) {
			throw CustodiaException.badRequest("error.access-too-many-recordings", MOST);
		}
		return ids.stream().distinct().map(id -> register.visibleTo(actor, id)).toList();
	}

	private static Set<AccessMatrix.Use> uses(List<String> actions) {
		if (actions == null || actions.isEmpty()) {
			throw CustodiaException.badRequest("error.access-no-uses");
		}
		Set<AccessMatrix.Use> uses = EnumSet.noneOf(AccessMatrix.Use.class);
		for (String action : actions) {
			uses.add(AccessMatrix.Use.fromCode(action)
				.orElseThrow(() -> CustodiaException.badRequest("error.access-use-unknown", action)));
		}
		return uses;
	}

	private static String trimmed(String value, int most, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > most) {
			throw CustodiaException.badRequest("error.invalid-fields", field);
		}
		return stripped;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
