package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code custodia.demo=true}: per agency a case and a week of activities around the demo
 * recordings. Those of the first device are recorded; one beside the second device's recording waits
 * for its officer to confirm the suggestion; one has a filed work record; one is missing; one is not
 * on any list.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "custodia.demo", havingValue = "true")
class DemoActivities implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoActivities.class);

	private final ActivityRepository activities;

	private final WorkRecordRepository workRecords;

	private final RecordingRegister register;

	private final Users users;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	private final TransactionTemplate transactions;

	DemoActivities(ActivityRepository activities, WorkRecordRepository workRecords, RecordingRegister register, Users users,
			Policies policies, Ledger ledger, Clock clock, TransactionTemplate transactions) {
		this.activities = activities;
		this.workRecords = workRecords;
		this.register = register;
		this.users = users;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (AgencyPolicy policy : policies.all()) {
			Optional<UserView> officer = users.findForSystem(policy.code() + ".officer");
			Optional<UserView> leader = users.findForSystem(policy.code() + ".unit-head");
			Optional<UserView> reviewer = users.findForSystem(policy.code() + "."
					+ policy.recording().mayStop().workRecord().reviewer());
			if (officer.isEmpty() || leader.isEmpty() || reviewer.isEmpty()
					|| !activities.list(policy.code(), null, null).isEmpty()) {
				continue;
			}
			transactions.executeWithoutResult(status -> fill(policy, officer.get(), leader.get(), reviewer.get()));
			log.info("Demo cases and activities added for {}", policy.code());
		}
	}

	private void fill(AgencyPolicy policy, UserView officer, UserView leader, UserView reviewer) {
		List<ActivityType> required = ActivityTypes.of(policy).stream()
			.filter(type -> type.requirement().listed())
			.toList();
		LocalDate today = LocalDate.now(clock);
		EnforcementCase demoCase = new EnforcementCase(UUID.randomUUID(), policy.code(), policy.agency().seed() + "-2026-001",
				"某诊所涉嫌违法执业案（演示）", CaseStatus.OPEN, now(), "demo");
		activities.insertCase(demoCase);
		ledger.append(LedgerEvent.bySystem("demo", policy.code(), "case.opened", "case", demoCase.id().toString(),
				Map.of("number", demoCase.number(), "demo", true)));

		List<Recording> recordings = register.recordedBetween(policy.code(), at(today.minusDays(6), 0), now(), 50)
			.stream()
			.filter(recording -> recording.recordedAt() != null)
			.sorted(Comparator.comparing(Recording::recordedAt))
			.toList();
		UUID firstDevice = recordings.isEmpty() ? null : recordings.get(0).deviceId();
		boolean suggested = false;
		for (Recording recording : recordings) {
			Instant start = recording.recordedAt().minus(5, ChronoUnit.MINUTES);
			Instant end = (recording.recordedEnd() == null ? recording.recordedAt() : recording.recordedEnd()).plus(20,
					ChronoUnit.MINUTES);
			if (recording.deviceId().equals(firstDevice)) {
				Activity activity = activity(policy, required.get(0), officer, demoCase.id(), "某诊所", start, end);
				activities.link(new RecordingLink(recording.id(), activity.id(), recording.deviceId(), recording.officerId(),
						recording.recordedAt(), recording.recordedEnd(), recording.lateMinutes(), "demo", now()), policy.code());
				ledger.append(LedgerEvent.bySystem("demo", policy.code(), "activity.recording-confirmed", "activity",
						activity.id().toString(), Map.of("recording", recording.id().toString(), "demo", true)));
			}
			else if (!suggested) {
				activity(policy, required.get(required.size() > 1 ? 1 : 0), officer, null, "某药店", start, end);
				suggested = true;
			}
		}
		Activity filed = activity(policy, required.get(0), officer, demoCase.id(), "某诊所库房", at(today.minusDays(1), 14),
				at(today.minusDays(1), 15));
		AgencyPolicy.WorkRecord rule = policy.recording().mayStop().workRecord();
		AgencyPolicy.Labelled reason = policy.recording().mayStop().reasons().get(0);
		List<String> consenting = policy.recording().mayStop().consentBy();
		WorkRecord record = new WorkRecord(UUID.randomUUID(), filed.id(), policy.code(), reason.code(), "执法记录仪电池故障，无法开机",
				reason.cite(), consenting.isEmpty() ? null : leader.id(), consenting.isEmpty() ? null : consenting.get(0), officer.id(),
				officer.username(), at(today.minusDays(1), 16), rule.reviewerRole(),
				reviewer.id(), WorkRecordStatus.SUBMITTED, null, null, null, null, rule.copies(), List.of(), rule.cite());
		workRecords.insert(record);
		// Like a written one: the register of work records is checked against these entries.
		Map<String, Object> written = new java.util.LinkedHashMap<>();
		written.put("workRecord", record.id().toString());
		written.put("reason", record.reasonCode());
		written.put("basis", record.basis());
		if (record.leaderId() != null) {
			written.put("leader", record.leaderId().toString());
			written.put("consentBy", record.consentBy());
		}
		written.put("reviewer", reviewer.id().toString());
		written.put("cite", rule.cite());
		written.put("demo", true);
		ledger.append(LedgerEvent.bySystem("demo", policy.code(), "activity.work-record-written", "activity",
				filed.id().toString(), written));
		workRecords.review(record.id(), WorkRecordStatus.REVIEWED, at(today.minusDays(1), 17), "同意");
		List<String> holders = rule.copyHolders().isEmpty() ? List.of("备案存档")
				: rule.copyHolders().stream().limit(rule.copies()).map(holder -> holder.zh()).toList();
		workRecords.file(record.id(), "demo", at(today.minusDays(1), 18), holders);
		ledger.append(LedgerEvent.bySystem("demo", policy.code(), "activity.work-record-filed", "activity",
				filed.id().toString(), Map.of("workRecord", record.id().toString(), "cite", rule.cite(), "demo", true)));

		activity(policy, required.get(required.size() - 1), officer, null, "某美容院", at(today.minusDays(2), 10),
				at(today.minusDays(2), 11));
		activity(policy, ActivityTypes.of(policy).get(ActivityTypes.of(policy).size() - 1), officer, null, "社区宣传",
				at(today.minusDays(3), 9), at(today.minusDays(3), 10));
	}

	private Activity activity(AgencyPolicy policy, ActivityType type, UserView officer, UUID caseId,
			String place, Instant start, Instant end) {
		Activity activity = new Activity(UUID.randomUUID(), policy.code(), type.code(), officer.unitId(), caseId, place,
				start.truncatedTo(ChronoUnit.MILLIS), end.truncatedTo(ChronoUnit.MILLIS), List.of(officer.id()), null, ActivitySource.MANUAL,
				now(), "demo");
		activities.insert(activity);
		ledger.append(LedgerEvent.bySystem("demo", policy.code(), "activity.created", "activity", activity.id().toString(),
				Map.of("type", type.code(), "place", place, "demo", true)));
		return activity;
	}

	private Instant at(LocalDate day, int hour) {
		Instant moment = day.atTime(LocalTime.of(hour, 0)).atZone(clock.getZone()).toInstant();
		return moment.isAfter(now()) ? now() : moment;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}
}
