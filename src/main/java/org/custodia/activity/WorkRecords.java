package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work records for activities that were not recorded (CMP-3): an officer of the activity writes the
 * reason from the agency's list and its basis, names who consented where the regulation asks for consent,
 * in a capacity it names (000 art. 8: the on-site leader or the head of the case-handling department;
 * 004 art. 6: the on-site leader or the chief), and the reviewer the policy wants (unit head, chief or
 * leader in charge); the reviewer approves or returns it; the custodian files it, in two copies where the
 * agency says so (004 art. 6). Each refusal cites the agency's rule.
 */
@Component
public class WorkRecords {

	/**
	 * What the officer writes. {@code leaderId} consented as {@code consentBy}, a capacity of the policy's
	 * {@code consentBy} (its first when left out); neither where the regulation asks for no consent.
	 */
	public record Draft(String reasonCode, String reason, String basis, UUID leaderId, UUID reviewerId,
			String consentBy) {
	}

	/** Who leads on the spot is no role of the system: any colleague may be he. */
	static final String ON_SITE_LEADER = "on-site-leader";

	private final Activities activities;

	private final WorkRecordRepository records;

	private final Policies policies;

	private final PolicyDecisions decisions;

	private final Users users;

	private final Ledger ledger;

	private final Clock clock;

	WorkRecords(Activities activities, WorkRecordRepository records, Policies policies, PolicyDecisions decisions,
			Users users, Ledger ledger, Clock clock) {
		this.activities = activities;
		this.records = records;
		this.policies = policies;
		this.decisions = decisions;
		this.users = users;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<WorkRecord> of(Actor actor, UUID activityId) {
		return of(activities.get(actor, activityId));
	}

	/** The work records of an activity the caller has already loaded for the actor. */
	List<WorkRecord> of(Activity activity) {
		return records.of(List.of(activity.id()));
	}

	@Transactional
	public WorkRecord write(Actor actor, UUID activityId, Draft draft) {
		Activity activity = activities.get(actor, activityId);
		decisions.decide(actor, Action.RECORD_ACTIVITIES, activity.agency()).orThrow();
		AgencyPolicy policy = policies.of(activity.agency());
		AgencyPolicy.WorkRecord rule = policy.recording().mayStop().workRecord();
		if (!activity.officers().contains(actor.userId())) {
			throw CustodiaException.forbidden("rule.work-record-by-officer", rule.cite());
		}
		ActivityType type = ActivityTypes.find(policy, activity.type()).orElseThrow();
		if (!type.requirement().listed()) {
			throw CustodiaException.refused("rule.work-record-not-needed", type.cite());
		}
		if (blank(draft.reasonCode()) || blank(draft.reason())) {
			throw invalid("rule.work-record-reason-required", rule.cite(), "reason");
		}
		AgencyPolicy.Labelled reason = policy.recording().mayStop().reasons().stream()
			.filter(candidate -> candidate.code().equals(draft.reasonCode().strip()))
			.findFirst()
			.orElseThrow(() -> invalid("rule.work-record-reason-unknown", rule.cite(), "reasonCode", draft.reasonCode(),
					String.join(", ", policy.recording().mayStop().reasons().stream().map(AgencyPolicy.Labelled::code).toList())));
		String consentBy = consent(activity.agency(), policy.recording().mayStop(), draft, rule.cite());
		if (draft.reviewerId() == null) {
			throw invalid("rule.work-record-reviewer-required", rule.cite(), "reviewerId", "role." + rule.reviewerRole().code());
		}
		UserView reviewer = colleague(activity.agency(), draft.reviewerId(), "reviewerId");
		if (!decisions.decideFor(activity.agency(), reviewer.roles(), Action.REVIEW_WORK_RECORD).isAllowed()) {
			throw CustodiaException.refused("rule.work-record-reviewer-role", rule.cite(), reviewer.displayName(),
					"role." + rule.reviewerRole().code());
		}
		boolean pending = records.of(List.of(activityId)).stream().anyMatch(record -> record.status() != WorkRecordStatus.RETURNED);
		if (pending) {
			throw CustodiaException.refused("rule.work-record-exists", rule.cite());
		}
		WorkRecord record = new WorkRecord(UUID.randomUUID(), activityId, activity.agency(), reason.code(),
				draft.reason().strip(), blank(draft.basis()) ? reason.cite() : draft.basis().strip(),
				consentBy == null ? null : draft.leaderId(), consentBy, actor.userId(), actor.username(), now(), rule.reviewerRole(), reviewer.id(), WorkRecordStatus.SUBMITTED, null, null, null, null,
				rule.copies(), List.of(), rule.cite());
		records.insert(record);
		Map<String, Object> entry = new java.util.LinkedHashMap<>();
		entry.put("workRecord", record.id().toString());
		entry.put("reason", record.reasonCode());
		entry.put("basis", record.basis());
		if (consentBy != null) {
			entry.put("leader", record.leaderId().toString());
			entry.put("consentBy", consentBy);
		}
		entry.put("reviewer", reviewer.id().toString());
		entry.put("cite", rule.cite());
		ledger.append(LedgerEvent.by(actor, activity.agency(), "activity.work-record-written", "activity",
				activityId.toString(), entry));
		return record;
	}

	/** The reviewer named in the record approves it, or returns it to be written again. */
	@Transactional
	public WorkRecord review(Actor actor, UUID activityId, UUID recordId, boolean approved, String note) {
		WorkRecord record = find(actor, activityId, recordId);
		decisions.decide(actor, Action.REVIEW_WORK_RECORD, record.agency()).orThrow();
		if (!record.reviewerId().equals(actor.userId())) {
			throw CustodiaException.forbidden("rule.work-record-named-reviewer", record.cite());
		}
		if (!record.awaitingReview()) {
			throw CustodiaException.refused("rule.work-record-status", record.cite(), record.status().key());
		}
		WorkRecordStatus status = approved ? WorkRecordStatus.REVIEWED : WorkRecordStatus.RETURNED;
		records.review(recordId, status, now(), Activities.blank(note));
		ledger.append(LedgerEvent.by(actor, record.agency(), "activity.work-record-reviewed", "activity",
				activityId.toString(), Map.of("workRecord", recordId.toString(), "approved", approved, "cite", record.cite())));
		return records.find(recordId).orElseThrow();
	}

	/** The custodian files a reviewed record, one copy for each holder the agency names. */
	@Transactional
	public WorkRecord file(Actor actor, UUID activityId, UUID recordId) {
		WorkRecord record = find(actor, activityId, recordId);
		decisions.decide(actor, Action.FILE_WORK_RECORD, record.agency()).orThrow();
		if (!record.awaitingFiling()) {
			throw CustodiaException.refused("rule.work-record-status", record.cite(), record.status().key());
		}
		AgencyPolicy.WorkRecord rule = policies.of(record.agency()).recording().mayStop().workRecord();
		List<String> holders = new ArrayList<>();
		for (int copy = 0; copy < record.copies(); copy++) {
			holders.add(copy < rule.copyHolders().size() ? rule.copyHolders().get(copy).zh() : "备案存档");
		}
		records.file(recordId, actor.username(), now(), holders);
		ledger.append(LedgerEvent.by(actor, record.agency(), "activity.work-record-filed", "activity",
				activityId.toString(), Map.of("workRecord", recordId.toString(), "copies", record.copies(), "holders", holders,
						"cite", record.cite())));
		return records.find(recordId).orElseThrow();
	}

	private WorkRecord find(Actor actor, UUID activityId, UUID recordId) {
		Activity activity = activities.get(actor, activityId);
		return records.find(recordId)
			.filter(record -> record.activityId().equals(activity.id()))
			.orElseThrow(() -> CustodiaException.notFound("error.work-record-not-found", recordId));
	}

	/**
	 * The capacity in which the named person consented, where the regulation asks for consent: one the policy
	 * names; a role of the system (unit head, chief) only if he holds it. Null where no consent is asked.
	 */
	private String consent(String agency, AgencyPolicy.MayStop rule, Draft draft, String cite) {
		if (rule.consentBy().isEmpty()) {
			if (!blank(draft.consentBy())) {
				throw invalid("rule.work-record-no-consent", cite, "consentBy");
			}
			return null;
		}
		String capacity = blank(draft.consentBy()) ? rule.consentBy().get(0) : draft.consentBy().strip();
		if (!rule.consentBy().contains(capacity)) {
			throw invalid("rule.work-record-consent-by", cite, "consentBy", capacity,
					String.join("|", rule.consentBy().stream().map(code -> "role." + code).toList()));
		}
		if (draft.leaderId() == null) {
			throw invalid("rule.work-record-leader-required", cite, "leaderId", "role." + capacity);
		}
		UserView consenting = colleague(agency, draft.leaderId(), "leaderId");
		Role role = ON_SITE_LEADER.equals(capacity) ? null : Role.fromCode(capacity);
		if (role != null && !consenting.has(role)) {
			throw invalid("rule.work-record-consent-role", cite, "leaderId", consenting.displayName(), "role." + capacity);
		}
		return capacity;
	}

	private UserView colleague(String agency, UUID id, String field) {
		return users.findByIdForSystem(id)
			.filter(user -> agency.equals(user.agency()) && !user.has(Role.ADMINISTRATOR))
			.orElseThrow(() -> new CustodiaException(HttpStatus.BAD_REQUEST, "error.colleague-unknown", null,
					Map.of("field", field), String.valueOf(id)));
	}

	private static CustodiaException invalid(String key, String cite, String field, Object... arguments) {
		return new CustodiaException(HttpStatus.BAD_REQUEST, key, cite, Map.of("field", field), arguments);
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}
}
