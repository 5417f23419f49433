package org.custodia.activity;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.Text;
import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One activity's page: the activity loaded and authorised once, with everything the page shows about it
 * (recordings and suggestions, gaps, work records, statements, long-term marks) and the forms it offers.
 */
@Component
public class ActivityPage {

	/**
	 * What the page shows. {@code reviewers}: the staff holding the role the policy wants to review a work
	 * record; {@code staff}: who may be named on one (no administrator); {@code names}: the agency's users by id;
	 * {@code reportTo}: to whom a recording that cannot go on is reported, where the regulation says (002 art. 11),
	 * with {@code heads} the staff holding that role.
	 */
	public record View(ActivityView view, Map<String, Text> types, List<RecordingLink> links,
			List<ActivityRecordings.Suggestion> suggestions, List<Interruption> gaps, List<String> gapReasons,
			List<WorkRecord> workRecords, AgencyPolicy.MayStop stop, List<UserView> reviewers, List<UserView> staff,
			StatementReviews.Sheet sheet, List<LongTermMark> marks, List<AgencyPolicy.Labelled> triggers,
			EnforcementCase enforcementCase, Map<UUID, String> names, ZoneId zone, List<ProblemReport> problemReports,
			AgencyPolicy.ReportTo reportTo, List<UserView> heads, java.util.Set<UUID> watchable) {
	}

	private final Activities activities;

	private final ActivityRecordings recordings;

	private final Interruptions interruptions;

	private final WorkRecords workRecords;

	private final StatementReviews statements;

	private final LongTermMarks longTerm;

	private final Users users;

	private final ProblemReports problems;

	private final Policies policies;

	private final Clock clock;

	private final org.custodia.recording.RecordingRegister register;

	/** Asked lazily: the module that decides who watches builds on this one. */
	private final org.springframework.beans.factory.ObjectProvider<org.custodia.shared.Watching> watching;

	ActivityPage(Activities activities, ActivityRecordings recordings, Interruptions interruptions, WorkRecords workRecords,
			StatementReviews statements, LongTermMarks longTerm, Users users, ProblemReports problems, Policies policies,
			Clock clock, org.custodia.recording.RecordingRegister register,
			org.springframework.beans.factory.ObjectProvider<org.custodia.shared.Watching> watching) {
		this.register = register;
		this.watching = watching;
		this.problems = problems;
		this.activities = activities;
		this.recordings = recordings;
		this.interruptions = interruptions;
		this.workRecords = workRecords;
		this.statements = statements;
		this.longTerm = longTerm;
		this.users = users;
		this.policies = policies;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public View view(Actor actor, UUID id) {
		Activity activity = activities.get(actor, id);
		AgencyPolicy policy = policies.of(activity.agency());
		List<UserView> staff = users.list(actor, activity.agency());
		Map<UUID, String> names = new HashMap<>();
		staff.forEach(user -> names.put(user.id(), user.displayName()));
		Role reviewer = policy.recording().mayStop().workRecord().reviewerRole();
		AgencyPolicy.ReportTo reportTo = policy.recording().interruption().reportTo();
		// a recording a secrecy mark keeps from the reader is not listed; the player is shown only where it will play
		java.util.Set<UUID> hidden = register.hiddenFrom(actor, activity.agency());
		List<RecordingLink> links = recordings.of(activity).stream().filter(link -> !hidden.contains(link.recordingId()))
			.toList();
		org.custodia.shared.Watching watch = watching.getIfAvailable();
		java.util.Set<UUID> watchable = links.stream().map(RecordingLink::recordingId)
			.filter(recording -> watch != null && watch.mayWatch(actor, recording))
			.collect(java.util.stream.Collectors.toSet());
		return new View(activities.view(activity), ActivityTypes.labels(ActivityTypes.of(policy)), links,
				recordings.suggest(actor, activity), interruptions.of(activity),
				Interruptions.reasons(policy.recording().interruption()), workRecords.of(activity), policy.recording().mayStop(),
				staff.stream().filter(user -> user.has(reviewer)).toList(),
				staff.stream().filter(user -> !user.has(Role.ADMINISTRATOR)).toList(), statements.sheet(activity),
				longTerm.forActivity(activity), policy.retention().longTermTriggers(), activities.caseOf(activity).orElse(null),
				names, clock.getZone(), problems.of(activity), reportTo,
				reportTo == null ? List.of() : staff.stream().filter(user -> user.has(reportTo.asRole())).toList(), watchable);
	}

	public ProblemReport reportProblem(Actor actor, UUID id, UUID reportedToId, String note) {
		return problems.report(actor, id, reportedToId, null, note);
	}

	public RecordingLink confirmRecording(Actor actor, UUID id, UUID recordingId) {
		return recordings.confirm(actor, id, recordingId);
	}

	public Interruption explainGap(Actor actor, UUID id, UUID afterRecordingId, String reason, String note) {
		return interruptions.explain(actor, id, afterRecordingId, reason, note);
	}

	public WorkRecord writeWorkRecord(Actor actor, UUID id, WorkRecords.Draft draft) {
		return workRecords.write(actor, id, draft);
	}

	public WorkRecord reviewWorkRecord(Actor actor, UUID id, UUID recordId, boolean approved, String note) {
		return workRecords.review(actor, id, recordId, approved, note);
	}

	public WorkRecord fileWorkRecord(Actor actor, UUID id, UUID recordId) {
		return workRecords.file(actor, id, recordId);
	}

	public StatementReview reviewStatements(Actor actor, UUID id, UUID recordingId, Boolean startStatement,
			Boolean notification, String note) {
		return statements.review(actor, id, recordingId, startStatement, notification, note);
	}

	public LongTermMark markLongTerm(Actor actor, UUID id, String trigger, String note) {
		return longTerm.markActivity(actor, id, trigger, note);
	}
}
