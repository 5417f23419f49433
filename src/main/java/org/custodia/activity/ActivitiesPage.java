package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.Text;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activity register page (执法活动) of the actor's agency: the activities of a period with their
 * compliance, and what its forms offer (types, cases, officers); an activity entered in local time.
 */
@Component
public class ActivitiesPage {

	/** {@code from} and {@code to}: the period shown, the days included; {@code types}: the labels by code. */
	public record View(List<ActivityView> views, LocalDate from, LocalDate to, Compliance.State state,
			List<Compliance.State> states, List<ActivityType> typeList, Map<String, Text> types,
			List<EnforcementCase> cases, List<UserView> officers, Map<UUID, String> names, ZoneId zone) {
	}

	private final Activities activities;

	private final Users users;

	private final Clock clock;

	ActivitiesPage(Activities activities, Users users, Clock clock) {
		this.activities = activities;
		this.users = users;
		this.clock = clock;
	}

	/** The period defaults to the first of this month to a week ahead. */
	@Transactional(readOnly = true)
	public View view(Actor actor, LocalDate from, LocalDate to, Compliance.State state) {
		String agency = actor.agencyOf(null);
		LocalDate last = to != null ? to : LocalDate.now(clock).plusDays(7);
		LocalDate first = from != null ? from : LocalDate.now(clock).withDayOfMonth(1);
		List<ActivityType> types = activities.types(actor, agency);
		return new View(activities.views(actor, agency, first, last, state), first, last, state,
				List.of(Compliance.State.values()), types, ActivityTypes.labels(types), activities.cases(actor, agency),
				users.officersOf(actor, agency), users.displayNames(actor, agency), clock.getZone());
	}

	/** An activity of the actor's agency entered with times in the agencies' zone, as the page's form gives them. */
	public ActivityView create(Actor actor, String type, String place, LocalDateTime start, LocalDateTime end,
			List<UUID> officers, String parties, UUID caseId) {
		return activities.create(actor, new NewActivity(actor.agencyOf(null), type, null, caseId, place, local(start),
				local(end), officers, parties));
	}

	private Instant local(LocalDateTime time) {
		return time == null ? null : time.atZone(clock.getZone()).toInstant();
	}
}
