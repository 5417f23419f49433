package org.custodia.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.Notices;
import org.custodia.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the home page tells people about the last thirty days of activities, so that an activity
 * without recording or explanation is not overlooked: an officer his own, a unit head his unit's, a
 * reviewer the work records waiting for him, whoever files work records (the agency's
 * {@code file-work-record}: the custodian) those waiting to be filed. Which activities an officer or a unit
 * head is reminded of is his place, not a permission: everyone of the agency sees them all on the board.
 */
@Component
class ActivityNotices implements Notices {

	static final Duration LOOK_BACK = Duration.ofDays(30);

	private final ActivityRepository activities;

	private final WorkRecordRepository workRecords;

	private final ComplianceFacts facts;

	private final Users users;

	private final MessageSource messages;

	private final Clock clock;

	private final PolicyDecisions decisions;

	ActivityNotices(ActivityRepository activities, WorkRecordRepository workRecords, ComplianceFacts facts, Users users,
			MessageSource messages, Clock clock, PolicyDecisions decisions) {
		this.decisions = decisions;
		this.activities = activities;
		this.workRecords = workRecords;
		this.facts = facts;
		this.users = users;
		this.messages = messages;
		this.clock = clock;
	}

	@Override
	public List<Notice> noticesFor(Actor actor, Locale locale) {
		String agency = actor.agency().orElse(null);
		if (agency == null || !decisions.decide(actor, Action.SEE_ACTIVITIES, agency).isAllowed()) {
			return List.of();
		}
		List<Notice> notices = new ArrayList<>();
		Instant now = clock.instant();
		List<ActivityView> recent = facts.of(activities.list(agency, now.minus(LOOK_BACK), now));
		if (actor.has(Role.OFFICER)) {
			List<ActivityView> own = recent.stream().filter(view -> view.activity().officers().contains(actor.userId())).toList();
			add(notices, own, "activity.notice.own", locale);
		}
		if (actor.has(Role.UNIT_HEAD)) {
			UUID unit = users.findByIdForSystem(actor.userId()).map(UserView::unitId).orElse(null);
			List<ActivityView> unitViews = recent.stream().filter(view -> unit != null && unit.equals(view.activity().unitId())).toList();
			add(notices, unitViews, "activity.notice.unit", locale);
		}
		long toReview = workRecords.count(agency, WorkRecordStatus.SUBMITTED, actor.userId());
		if (toReview > 0) {
			notices.add(new Notice(messages.getMessage("activity.notice.review", new Object[] { toReview }, locale), "/activities"));
		}
		if (decisions.decide(actor, Action.FILE_WORK_RECORD, agency).isAllowed()) {
			long toFile = workRecords.count(agency, WorkRecordStatus.REVIEWED, null);
			if (toFile > 0) {
				notices.add(new Notice(messages.getMessage("activity.notice.file", new Object[] { toFile }, locale), "/activities"));
			}
		}
		return notices;
	}

	private void add(List<Notice> notices, List<ActivityView> views, String key, Locale locale) {
		long missing = views.stream().filter(view -> view.compliance().overdue()).count();
		long gaps = views.stream().mapToLong(view -> view.compliance().unexplainedInterruptions()).sum();
		if (missing > 0 || gaps > 0) {
			notices.add(new Notice(messages.getMessage(key, new Object[] { missing, gaps }, locale), "/activities"));
		}
	}
}
