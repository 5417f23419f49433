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
 * reason from the agency's list and its basis, names the on-site leader who consented and the
 * reviewer the policy wants (unit head, chief or leader in charge); the reviewer approves or returns
 * it; the custodian files it, in two copies where the agency says so (004 art. 6). Each refusal cites
 * the agency's rule.
 */
@Component
public class WorkRecords {

	/** What the officer writes. */
	public record Draft(String reasonCode, String reason, String basis, UUID leaderId, UUID reviewerId) {
	}

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
		if (draft.leaderId() == null) {
			throw invalid("rule.work-record-leader-required", rule.cite(), "leaderId");
		}
		colleague(activity.agency(), draft.leaderId(), "leaderId");
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
				draft.reason().strip(), blank(draft.basis()) ? reason.cite() : draft.basis().strip(), draft.leaderId(),
				actor.userId(), actor.username(), now(), rule.reviewerRole(), reviewer.id(), WorkRecordStatus.SUBMITTED, null, null, null, null,
				rule.copies(), List.of(), rule.cite());
		records.insert(record);
		ledger.append(LedgerEvent.by(actor, activity.agency(), "activity.work-record-written", "activity",
				activityId.toString(), Map.of("workRecord", record.id().toString(), "reason", record.reasonCode(), "basis",
						record.basis(), "leader", record.leaderId().toString(), "reviewer", reviewer.id().toString(), "cite",
						rule.cite())));
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
