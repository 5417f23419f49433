package org.custodia.activity;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Long-term keeping (RET-3): an activity or a recording is marked when a trigger of the agency's
 * regulation applies (the party objects or may petition, obstruction or assault, mass or sudden
 * incidents, major or sensitive cases), citing the article. The retention work reads the marks here
 * and hears of new ones by {@link LongTermMarked}.
 */
@Component
public class LongTermMarks {

	private final Activities activities;

	private final ActivityRepository repository;

	private final ReviewRepository reviews;

	private final RecordingRegister register;

	private final Policies policies;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	LongTermMarks(Activities activities, ActivityRepository repository, ReviewRepository reviews,
			RecordingRegister register, Policies policies, PolicyDecisions decisions, Ledger ledger,
			ApplicationEventPublisher events, Clock clock) {
		this.activities = activities;
		this.repository = repository;
		this.reviews = reviews;
		this.register = register;
		this.policies = policies;
		this.decisions = decisions;
		this.ledger = ledger;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public LongTermMark markActivity(Actor actor, UUID activityId, String trigger, String note) {
		Activity activity = activities.get(actor, activityId);
		List<UUID> recordings = repository.links(List.of(activityId)).stream().map(RecordingLink::recordingId).toList();
		return mark(actor, activity.agency(), LongTermMark.Subject.ACTIVITY, activityId, trigger, note, recordings);
	}

	@Transactional
	public LongTermMark markRecording(Actor actor, UUID recordingId, String trigger, String note) {
		Recording recording = register.visibleTo(actor, recordingId);
		activities.visible(actor, recording.agency());
		return mark(actor, recording.agency(), LongTermMark.Subject.RECORDING, recordingId, trigger, note, List.of(recordingId));
	}

	/** Every mark of an agency, oldest first, for someone who may see its activities. */
	@Transactional(readOnly = true)
	public List<LongTermMark> marks(Actor actor, String agency) {
		activities.visible(actor, agency);
		return reviews.marks(agency);
	}

	/** Every mark of an agency, oldest first: for the retention work, which acts for no user. */
	@Transactional(readOnly = true)
	public List<LongTermMark> marks(String agency) {
		return reviews.marks(agency);
	}

	/** The marks that keep one recording long-term: its own and those of the activity it belongs to. */
	@Transactional(readOnly = true)
	public List<LongTermMark> forRecording(UUID recordingId) {
		List<LongTermMark> marks = new ArrayList<>(reviews.marksOf(LongTermMark.Subject.RECORDING, List.of(recordingId)));
		repository.linkOf(recordingId).ifPresent(link -> marks.addAll(reviews.marksOf(LongTermMark.Subject.ACTIVITY, List.of(link.activityId()))));
		return marks;
	}

	@Transactional(readOnly = true)
	public List<LongTermMark> forActivity(Actor actor, UUID activityId) {
		return forActivity(activities.get(actor, activityId));
	}

	/** The marks of an activity the caller has already loaded for the actor. */
	List<LongTermMark> forActivity(Activity activity) {
		return reviews.marksOf(LongTermMark.Subject.ACTIVITY, List.of(activity.id()));
	}

	private LongTermMark mark(Actor actor, String agency, LongTermMark.Subject subjectType, UUID subjectId, String trigger, String note,
			List<UUID> recordings) {
		decisions.decide(actor, Action.MARK_LONG_TERM, agency).orThrow();
		AgencyPolicy.Retention retention = policies.of(agency).retention();
		if (trigger == null || trigger.isBlank()) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "rule.long-term-trigger-required", retention.cite(),
					Map.of("field", "trigger"));
		}
		AgencyPolicy.Labelled rule = retention.longTermTriggers().stream()
			.filter(candidate -> candidate.code().equals(trigger.strip()))
			.findFirst()
			.orElseThrow(() -> new CustodiaException(HttpStatus.BAD_REQUEST,
					retention.longTermTriggers().isEmpty() ? "rule.long-term-no-triggers" : "rule.long-term-trigger-unknown",
					retention.cite(), Map.of("field", "trigger"), trigger.strip(),
					String.join(", ", retention.longTermTriggers().stream().map(AgencyPolicy.Labelled::code).toList())));
		Optional<LongTermMark> existing = reviews.marksOf(subjectType, List.of(subjectId)).stream()
			.filter(mark -> mark.trigger().equals(rule.code()))
			.findFirst();
		if (existing.isPresent()) {
			return existing.get();
		}
		LongTermMark mark = new LongTermMark(UUID.randomUUID(), agency, subjectType, subjectId, rule.code(), rule.cite(),
				Activities.blank(note), actor.username(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
		reviews.mark(mark);
		ledger.append(LedgerEvent.by(actor, agency, "activity.long-term-marked", subjectType.code(), subjectId.toString(),
				Map.of("trigger", rule.code(), "cite", rule.cite(), "recordings", recordings.stream().map(UUID::toString).toList())));
		events.publishEvent(new LongTermMarked(mark, recordings));
		return mark;
	}
}
