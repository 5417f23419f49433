package org.custodia.activity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Where a recording stands among the activities: the one it is confirmed for, when that ended, and its case. */
@Component
public class RecordingActivities {

	/** The activity a recording is confirmed for, its end and its case (null when it has none). */
	public record Placement(UUID activityId, Instant endedAt, UUID caseId) {
	}

	private final ActivityRepository activities;

	RecordingActivities(ActivityRepository activities) {
		this.activities = activities;
	}

	@Transactional(readOnly = true)
	public Optional<Placement> of(UUID recordingId) {
		return activities.linkOf(recordingId)
			.flatMap(link -> activities.find(link.activityId()))
			.map(activity -> new Placement(activity.id(), activity.endedAt(), activity.caseId()));
	}
}
