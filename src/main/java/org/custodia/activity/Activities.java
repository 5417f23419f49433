package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Facts;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.policy.Relation;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of cases and enforcement activities (CMP-1): entered by hand, imported from an
 * inspection plan, or made from a recording. Another agency's case or activity does not exist for a
 * user (404); an activity that ends before it starts is refused with the coverage rule (REC-3).
 */
@Component
public class Activities {

	private final ActivityRepository activities;

	private final CaseHandlerRepository handlers;

	private final ComplianceFacts facts;

	private final Policies policies;

	private final PolicyDecisions decisions;

	private final Users users;

	private final Ledger ledger;

	private final Clock clock;

	Activities(ActivityRepository activities, CaseHandlerRepository handlers, ComplianceFacts facts, Policies policies,
			PolicyDecisions decisions, Users users, Ledger ledger, Clock clock) {
		this.activities = activities;
		this.handlers = handlers;
		this.facts = facts;
		this.policies = policies;
		this.decisions = decisions;
		this.users = users;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public EnforcementCase openCase(Actor actor, String agency, String number, String name) {
		return openCase(actor, agency, number, name, List.of());
	}

	/** Opens a case with its handlers (案件承办人), each a user of the agency, or with none. */
	@Transactional
	public EnforcementCase openCase(Actor actor, String agency, String number, String name, List<UUID> handlerIds) {
		decisions.decide(actor, Action.RECORD_ACTIVITIES, agency).orThrow();
		if (number == null || !number.strip().matches("^[\\p{L}\\p{N}()（）〔〕\\[\\]._/-]{1,64}$")) {
			throw CustodiaException.badRequest("error.case-number-invalid");
		}
		if (name == null || name.isBlank()) {
			throw CustodiaException.badRequest("error.field-required", "name");
		}
		if (activities.caseNumberTaken(agency, number.strip())) {
			throw CustodiaException.conflict("error.case-number-taken", number.strip());
		}
		List<UserView> assigned = handlers(agency, handlerIds);
		EnforcementCase created = new EnforcementCase(UUID.randomUUID(), agency, number.strip(), name.strip(), CaseStatus.OPEN, now(),
				actor.username());
		activities.insertCase(created);
		ledger.append(LedgerEvent.by(actor, agency, "case.opened", "case", created.id().toString(),
				Map.of("number", created.number(), "name", created.name())));
		return assigned.isEmpty() ? created : assign(actor, created, assigned, null);
	}

	/**
	 * Makes {@code handlerIds} the case's handlers in place of those it had, for {@code reason}; an empty
	 * list leaves the case without handlers.
	 */
	@Transactional
	public EnforcementCase assignHandlers(Actor actor, UUID caseId, List<UUID> handlerIds, String reason) {
		EnforcementCase found = getCase(actor, caseId);
		decisions.decide(actor, Action.RECORD_ACTIVITIES, found.agency()).orThrow();
		if (handlerIds == null) {
			throw CustodiaException.badRequest("error.field-required", "handlers");
		}
		if (reason == null || reason.isBlank()) {
			throw CustodiaException.badRequest("error.field-required", "reason");
		}
		return assign(actor, found, handlers(found.agency(), handlerIds), reason.strip());
	}

	private EnforcementCase assign(Actor actor, EnforcementCase enforcementCase, List<UserView> assigned, String reason) {
		List<UUID> ids = assigned.stream().map(UserView::id).toList();
		handlers.replace(enforcementCase.id(), ids, actor.username(), now());
		Map<String, Object> payload = new HashMap<>();
		payload.put("number", enforcementCase.number());
		payload.put("handlers", ids.stream().map(UUID::toString).toList());
		payload.put("handlerUsernames", assigned.stream().map(UserView::username).toList());
		if (reason != null) {
			payload.put("reason", reason);
		}
		ledger.append(LedgerEvent.by(actor, enforcementCase.agency(), "case.handlers-assigned", "case",
				enforcementCase.id().toString(), payload));
		return withHandlers(enforcementCase);
	}

	@Transactional
	public EnforcementCase closeCase(Actor actor, UUID id) {
		EnforcementCase found = getCase(actor, id);
		decisions.decide(actor, Action.RECORD_ACTIVITIES, found.agency()).orThrow();
		if (found.status() != CaseStatus.OPEN) {
			throw CustodiaException.conflict("error.case-closed", found.number());
		}
		activities.changeCaseStatus(id, CaseStatus.CLOSED);
		ledger.append(LedgerEvent.by(actor, found.agency(), "case.closed", "case", id.toString(),
				Map.of("number", found.number())));
		return findCase(id).orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<EnforcementCase> cases(Actor actor, String agency) {
		visible(actor, agency);
		List<EnforcementCase> cases = activities.cases(agency);
		Map<UUID, List<UUID>> assigned = handlers.handlersOf(cases.stream().map(EnforcementCase::id).toList());
		return cases.stream().map(found -> found.withHandlers(assigned.getOrDefault(found.id(), List.of()))).toList();
	}

	@Transactional(readOnly = true)
	public EnforcementCase getCase(Actor actor, UUID id) {
		EnforcementCase found = findCase(id)
			.filter(candidate -> actor.belongsTo(candidate.agency()))
			.orElseThrow(() -> CustodiaException.notFound("error.case-not-found", id));
		visible(actor, found.agency());
		return found;
	}

	/** The case an activity belongs to, of an activity the caller has already loaded for the actor. */
	Optional<EnforcementCase> caseOf(Activity activity) {
		return activity.caseId() == null ? Optional.empty() : findCase(activity.caseId());
	}

	private Optional<EnforcementCase> findCase(UUID id) {
		return activities.findCase(id).map(this::withHandlers);
	}

	private EnforcementCase withHandlers(EnforcementCase enforcementCase) {
		return enforcementCase.withHandlers(List.copyOf(handlers.handlersOf(enforcementCase.id())));
	}

	@Transactional
	public ActivityView create(Actor actor, NewActivity request) {
		return view(add(actor, request, ActivitySource.MANUAL));
	}

	/**
	 * Checks and stores a new activity in the caller's transaction; {@code source} says where it came
	 * from. Not transactional itself, so that a refused line of a plan does
	 * not spoil the import's transaction.
	 */
	Activity add(Actor actor, NewActivity request, ActivitySource source) {
		String agency = request.agency();
		decisions.decide(actor, Action.RECORD_ACTIVITIES, agency).orThrow();
		AgencyPolicy policy = policies.of(agency);
		ActivityType type = ActivityTypes.find(policy, request.type())
			.orElseThrow(() -> CustodiaException.badRequest("error.activity-type-unknown", String.valueOf(request.type())));
		if (request.place() == null || request.place().isBlank()) {
			throw CustodiaException.badRequest("error.field-required", "place");
		}
		if (request.startedAt() == null || request.endedAt() == null) {
			throw CustodiaException.badRequest("error.field-required", request.startedAt() == null ? "startedAt" : "endedAt");
		}
		if (request.endedAt().isBefore(request.startedAt())) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "rule.activity-ends-before-start",
					policy.recording().coverage().cite(), Map.of("field", "endedAt"));
		}
		List<UserView> officers = officers(agency, request.officers());
		if (request.caseId() != null) {
			activities.findCase(request.caseId())
				.filter(found -> found.agency().equals(agency))
				.orElseThrow(() -> CustodiaException.badRequest("error.case-not-in-agency", request.caseId()));
		}
		UUID unit = request.unitId() != null ? request.unitId() : officers.get(0).unitId();
		Activity activity = new Activity(UUID.randomUUID(), agency, type.code(), unit, request.caseId(), request.place().strip(),
				request.startedAt().truncatedTo(ChronoUnit.MILLIS), request.endedAt().truncatedTo(ChronoUnit.MILLIS),
				officers.stream().map(UserView::id).toList(), blank(request.parties()), source, now(), actor.username());
		activities.insert(activity);
		Map<String, Object> payload = new HashMap<>();
		payload.put("type", activity.type());
		payload.put("requirement", type.requirement().name());
		payload.put("place", activity.place());
		payload.put("start", activity.startedAt().toString());
		payload.put("end", activity.endedAt().toString());
		payload.put("officers", activity.officers().stream().map(UUID::toString).toList());
		payload.put("source", source.name());
		if (activity.caseId() != null) {
			payload.put("case", activity.caseId().toString());
		}
		ledger.append(LedgerEvent.by(actor, agency, "activity.created", "activity", activity.id().toString(), payload));
		return activity;
	}

	@Transactional(readOnly = true)
	public Activity get(Actor actor, UUID id) {
		Activity activity = activities.find(id)
			.filter(found -> actor.belongsTo(found.agency()))
			.orElseThrow(() -> CustodiaException.notFound("error.activity-not-found", id));
		visible(actor, activity.agency());
		return activity;
	}

	@Transactional(readOnly = true)
	public ActivityView view(Actor actor, UUID id) {
		return view(get(actor, id));
	}

	/** An activity with its compliance as of now. */
	ActivityView view(Activity activity) {
		return facts.of(activity);
	}

	@Transactional(readOnly = true)
	public List<Activity> list(Actor actor, String agency, Instant from, Instant to) {
		visible(actor, agency);
		return activities.list(agency, from, to);
	}

	/**
	 * The activities that started between the two days (inclusive, in the agencies' zone; either may be open),
	 * with their compliance, only those in {@code state} when it is given.
	 */
	@Transactional(readOnly = true)
	public List<ActivityView> views(Actor actor, String agency, LocalDate from, LocalDate to, Compliance.State state) {
		Instant start = from == null ? null : from.atStartOfDay(clock.getZone()).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		return facts.of(list(actor, agency, start, end)).stream()
			.filter(view -> state == null || view.compliance().state() == state)
			.toList();
	}

	/** The activity types of the agency with their requirement and citation. */
	@Transactional(readOnly = true)
	public List<ActivityType> types(Actor actor, String agency) {
		visible(actor, agency);
		return ActivityTypes.of(policies.of(agency));
	}

	/**
	 * Refuses whom the agency's {@code confirm-recordings} permission does not reach: an officer confirms the
	 * recordings and explains the interruptions of the activities he took part in (REC-4); the unit head and
	 * the custodian act for anyone.
	 */
	void requireParticipantOrHead(Actor actor, Activity activity) {
		decisions.decide(actor, Action.RECORD_ACTIVITIES, activity.agency()).orThrow();
		decisions.decide(actor, Action.CONFIRM_RECORDINGS, activity.agency(),
				Facts.of(Relation.ACTIVITY_PARTICIPANT, activity.officers().contains(actor.userId()))).orThrow();
	}

	/** Refuses another agency's data as not found and the administrator as footage (separation of duties). */
	void visible(Actor actor, String agency) {
		if (!actor.belongsTo(agency)) {
			throw CustodiaException.notFound("error.agency-not-found", agency);
		}
		decisions.decide(actor, Action.SEE_ACTIVITIES, agency).orThrow();
	}

	/** The officers by id: each a non-administrator user of the agency, at least one. */
	private List<UserView> officers(String agency, List<UUID> ids) {
		if (ids == null || ids.isEmpty()) {
			throw CustodiaException.badRequest("error.field-required", "officers");
		}
		return staff(agency, ids, "error.activity-officer-unknown");
	}

	/** The handlers by id, none or more. */
	private List<UserView> handlers(String agency, List<UUID> ids) {
		return staff(agency, ids == null ? List.of() : ids, "error.case-handler-unknown");
	}

	/**
	 * Users of the agency by id, each once; the administrator keeps the system and sees no footage
	 * (separation of duties), so he is refused as {@code unknown} like a stranger.
	 */
	private List<UserView> staff(String agency, List<UUID> ids, String unknown) {
		List<UserView> found = new ArrayList<>();
		for (UUID id : new LinkedHashSet<>(ids)) {
			found.add(users.findByIdForSystem(id)
				.filter(candidate -> agency.equals(candidate.agency()) && !candidate.has(Role.ADMINISTRATOR))
				.orElseThrow(() -> CustodiaException.badRequest(unknown, String.valueOf(id))));
		}
		return found;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
