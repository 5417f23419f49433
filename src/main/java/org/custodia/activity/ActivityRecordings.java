package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodia.device.DeviceCustody;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which recordings belong to an activity. The system suggests those whose time overlaps the activity
 * and that were made by one of its officers or on a device one of them held; an officer confirms. A
 * recording belongs to at most one activity; another agency's recording is refused.
 */
@Component
public class ActivityRecordings {

	static final String ONE_ACTIVITY = "custodia: a recording documents one activity, so the store is kept by day and by case (REC-2, 000 art. 14)";

	/** Officers switch on at arrival and off at departure; a quarter of an hour either side still matches. */
	static final long SLACK_SECONDS = 15 * 60;

	/** A recording the system thinks belongs to the activity, and why. */
	public record Suggestion(UUID recordingId, UUID deviceId, UUID officerId, Instant recordedAt, Instant recordedEnd,
			String originalName, boolean byOfficer, boolean byDeviceHolder) {
	}

	private final Activities activities;

	private final ActivityRepository repository;

	private final RecordingRegister register;

	private final DeviceCustody custody;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	private final Clock clock;

	ActivityRecordings(Activities activities, ActivityRepository repository, RecordingRegister register,
			DeviceCustody custody, PolicyDecisions decisions, Ledger ledger, Clock clock) {
		this.activities = activities;
		this.repository = repository;
		this.register = register;
		this.custody = custody;
		this.decisions = decisions;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<RecordingLink> of(Actor actor, UUID activityId) {
		return of(activities.get(actor, activityId));
	}

	/**
	 * The recordings confirmed for an activity the caller has already loaded for the actor, each as late as it is
	 * now: a late reason the regulation allows may have moved its deadline since it was confirmed.
	 */
	List<RecordingLink> of(Activity activity) {
		List<RecordingLink> links = repository.links(List.of(activity.id()));
		Map<UUID, Long> late = register.lateMinutes(links.stream().map(RecordingLink::recordingId).toList());
		return links.stream().map(link -> new RecordingLink(link.recordingId(), link.activityId(), link.deviceId(),
				link.officerId(), link.recordedAt(), link.recordedEnd(), late.get(link.recordingId()), link.confirmedBy(),
				link.confirmedAt())).toList();
	}

	@Transactional(readOnly = true)
	public List<Suggestion> suggest(Actor actor, UUID activityId) {
		return suggest(actor, activities.get(actor, activityId));
	}

	List<Suggestion> suggest(Actor actor, Activity activity) {
		Set<UUID> officers = Set.copyOf(activity.officers());
		Instant from = activity.startedAt().minus(12, ChronoUnit.HOURS);
		Instant to = activity.endedAt().plusSeconds(SLACK_SECONDS);
		return register.recordedBetween(actor, activity.agency(), from, to, 500)
			.stream()
			.filter(recording -> recording.recordedAt() != null)
			.filter(recording -> activity.overlaps(recording.recordedAt(), recording.recordedEnd(), SLACK_SECONDS))
			.filter(recording -> repository.linkOf(recording.id()).isEmpty())
			.map(recording -> {
				boolean byOfficer = recording.officerId() != null && officers.contains(recording.officerId());
				UUID holder = holderAt(actor, recording.deviceId(), recording.recordedAt());
				return new Suggestion(recording.id(), recording.deviceId(), recording.officerId(), recording.recordedAt(),
						recording.recordedEnd(), recording.originalName(), byOfficer, holder != null && officers.contains(holder));
			})
			.filter(suggestion -> suggestion.byOfficer() || suggestion.byDeviceHolder())
			.sorted(java.util.Comparator.comparing(Suggestion::recordedAt))
			.toList();
	}

	/** An officer of the activity (or the unit head, or the custodian) confirms that the recording belongs to it. */
	@Transactional
	public RecordingLink confirm(Actor actor, UUID activityId, UUID recordingId) {
		Activity activity = activities.get(actor, activityId);
		activities.requireParticipantOrHead(actor, activity);
		return link(actor, activity, recording(activity.agency(), recordingId));
	}

	/** A new activity around one recording: its times, its officer (or the device's holder), the recording linked. */
	@Transactional
	public ActivityView createFrom(Actor actor, UUID recordingId, String type, String place, UUID caseId) {
		String agency = actor.agencyOf(null);
		decisions.decide(actor, Action.RECORD_ACTIVITIES, agency).orThrow();
		Recording recording = recording(agency, recordingId);
		UUID officer = recording.officerId();
		Instant start = recording.recordedAt() != null ? recording.recordedAt() : recording.importedAt();
		if (officer == null) {
			officer = holderAt(actor, recording.deviceId(), start);
		}
		if (officer == null) {
			throw CustodiaException.badRequest("error.recording-officer-unknown");
		}
		Instant end = recording.recordedEnd() != null && !recording.recordedEnd().isBefore(start) ? recording.recordedEnd() : start;
		Activity activity = activities.add(actor, new NewActivity(agency, type, null, caseId, place, start, end,
				List.of(officer), null), ActivitySource.RECORDING);
		link(actor, activity, recording);
		return activities.view(activity);
	}

	/** Who held the device then (null: it was in store); every recording comes from a registered device of its agency. */
	private UUID holderAt(Actor actor, UUID deviceId, Instant at) {
		return custody.custodyAt(actor, deviceId, at).holderId();
	}

	private Recording recording(String agency, UUID recordingId) {
		return register.keptBy(agency, recordingId);
	}

	private RecordingLink link(Actor actor, Activity activity, Recording recording) {
		repository.linkOf(recording.id()).ifPresent(existing -> {
			throw CustodiaException.refused("rule.recording-one-activity", ONE_ACTIVITY, existing.activityId());
		});
		RecordingLink link = new RecordingLink(recording.id(), activity.id(), recording.deviceId(), recording.officerId(),
				recording.recordedAt(), recording.recordedEnd(), recording.lateMinutes(), actor.username(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS));
		try {
			repository.link(link, activity.agency());
		}
		catch (DuplicateKeyException e) {
			throw CustodiaException.refused("rule.recording-one-activity", ONE_ACTIVITY, "?");
		}
		ledger.append(LedgerEvent.by(actor, activity.agency(), "activity.recording-confirmed", "activity",
				activity.id().toString(), Map.of("recording", recording.id().toString(), "sha256", recording.sha256())));
		return link;
	}
}
