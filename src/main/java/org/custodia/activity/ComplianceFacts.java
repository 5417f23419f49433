package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodia.recording.RecordingRegister;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.ImportDeadlines;
import org.custodia.policy.Policies;
import org.springframework.stereotype.Component;

/**
 * Works out each activity's compliance (CMP-2, CMP-3, REC-1, REC-4, REC-5) from what is stored about it,
 * a few queries for any number of activities.
 */
@Component
class ComplianceFacts {

	private final ActivityRepository activities;

	private final WorkRecordRepository workRecords;

	private final ReviewRepository reviews;

	private final Policies policies;

	private final ImportDeadlines deadlines;

	private final RecordingRegister register;

	private final Clock clock;

	ComplianceFacts(ActivityRepository activities, WorkRecordRepository workRecords, ReviewRepository reviews,
			Policies policies, ImportDeadlines deadlines, RecordingRegister register, Clock clock) {
		this.activities = activities;
		this.workRecords = workRecords;
		this.reviews = reviews;
		this.policies = policies;
		this.deadlines = deadlines;
		this.register = register;
		this.clock = clock;
	}

	/** The activities with their compliance, in the given order. */
	List<ActivityView> of(List<Activity> list) {
		List<UUID> ids = list.stream().map(Activity::id).toList();
		Map<UUID, List<RecordingLink>> links = activities.links(ids).stream()
			.collect(Collectors.groupingBy(RecordingLink::activityId));
		Map<UUID, List<WorkRecord>> records = workRecords.of(ids).stream()
			.collect(Collectors.groupingBy(WorkRecord::activityId));
		Map<UUID, List<Interruption>> explanations = reviews.explanations(ids).stream()
			.collect(Collectors.groupingBy(Interruption::activityId));
		Map<UUID, List<StatementReview>> statements = reviews.reviews(ids).stream()
			.collect(Collectors.groupingBy(StatementReview::activityId));
		// lateness as it stands now: a late reason the regulation allows may have moved a deadline since
		Map<UUID, Long> late = register.lateMinutes(links.values().stream().flatMap(List::stream)
			.map(RecordingLink::recordingId).toList());
		Map<String, AgencyPolicy> byAgency = new HashMap<>();
		Instant now = clock.instant();
		return list.stream().map(activity -> {
			AgencyPolicy policy = byAgency.computeIfAbsent(activity.agency(), policies::of);
			return new ActivityView(activity, compliance(policy, activity, links.getOrDefault(activity.id(), List.of()),
					records.getOrDefault(activity.id(), List.of()), explanations.getOrDefault(activity.id(), List.of()),
					statements.getOrDefault(activity.id(), List.of()), late,
					now.isBefore(deadlines.after(activity.agency(), activity.endedAt()).at())));
		}).toList();
	}

	ActivityView of(Activity activity) {
		return of(List.of(activity)).get(0);
	}

	/**
	 * @param late minutes late of the recordings imported late, by recording
	 * @param deadlineRunning whether the import deadline after the activity's end, by the agency's rule, still runs
	 */
	static Compliance compliance(AgencyPolicy policy, Activity activity, List<RecordingLink> links,
			List<WorkRecord> records, List<Interruption> explanations, List<StatementReview> statements,
			Map<UUID, Long> late, boolean deadlineRunning) {
		ActivityType type = ActivityTypes.find(policy, activity.type())
			.orElse(new ActivityType(activity.type(), null, Requirement.NONE, ActivityTypes.UNLISTED_CITE));
		List<Interruption> gaps = Interruptions.gaps(links, explanations, policy.recording().interruption().cite());
		int unexplained = (int) gaps.stream().filter(gap -> !gap.explained()).count();
		int lateImports = (int) links.stream().filter(link -> late.getOrDefault(link.recordingId(), 0L) > 0).count();
		WorkRecordStatus latest = records.isEmpty() ? null : records.get(records.size() - 1).status();
		boolean filed = records.stream().anyMatch(record -> record.status() == WorkRecordStatus.FILED);
		Compliance.State state = null;
		if (type.requirement().listed()) {
			state = !links.isEmpty() ? Compliance.State.RECORDED
					: filed ? Compliance.State.WORK_RECORD_FILED : Compliance.State.MISSING;
		}
		boolean statementsMissing = !links.isEmpty() && !StatementReviews.confirmed(policy.recording(), statements);
		boolean awaiting = state == Compliance.State.MISSING && deadlineRunning;
		return new Compliance(type.requirement(), state, type.cite(), links.size(), latest, gaps.size(), unexplained, lateImports,
				statementsMissing, awaiting);
	}
}
