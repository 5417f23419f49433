package org.custodia.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interruptions (REC-4): the gaps between consecutive recordings of one activity. Each needs a reason
 * from the agency's list, and only from it: where the regulation says "非因技术原因不得中止录制或断续录制"
 * (000 art. 6, 004 art. 5) only technical reasons are accepted, and no other list applies where a regulation
 * does not give it. Until a gap has its reason it stays flagged on the activity and the compliance board.
 */
@Component
public class Interruptions {

	/** Cameras split long recordings into files a second or two apart; a pause of a minute is an interruption. */
	static final long GAP_SECONDS = 60;

	private final Activities activities;

	private final ActivityRepository repository;

	private final ReviewRepository reviews;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	Interruptions(Activities activities, ActivityRepository repository, ReviewRepository reviews, Policies policies,
			Ledger ledger, Clock clock) {
		this.activities = activities;
		this.repository = repository;
		this.reviews = reviews;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** The gaps of one activity's recordings (in recording order), each with its explanation when given. */
	static List<Interruption> gaps(List<RecordingLink> links, List<Interruption> explanations, String cite) {
		Map<UUID, Interruption> explained = new LinkedHashMap<>();
		explanations.forEach(explanation -> explained.put(explanation.afterRecordingId(), explanation));
		List<RecordingLink> timed = links.stream().filter(link -> link.recordedAt() != null).toList();
		List<Interruption> gaps = new ArrayList<>();
		for (int i = 1; i < timed.size(); i++) {
			RecordingLink before = timed.get(i - 1);
			RecordingLink after = timed.get(i);
			long seconds = Duration.between(before.stoppedAt(), after.recordedAt()).getSeconds();
			if (seconds <= GAP_SECONDS) {
				continue;
			}
			Interruption explanation = explained.get(before.recordingId());
			gaps.add(new Interruption(before.activityId(), before.recordingId(), after.recordingId(), before.stoppedAt(),
					after.recordedAt(), seconds, explanation == null ? null : explanation.reasonCode(),
					explanation == null ? null : explanation.note(), explanation == null ? null : explanation.explainedBy(),
					explanation == null ? null : explanation.explainedAt(), explanation == null ? cite : explanation.cite()));
		}
		return gaps;
	}

	@Transactional(readOnly = true)
	public List<Interruption> of(Actor actor, UUID activityId) {
		return of(activities.get(actor, activityId));
	}

	/** The gaps of an activity the caller has already loaded for the actor. */
	List<Interruption> of(Activity activity) {
		return gaps(repository.links(List.of(activity.id())), reviews.explanations(List.of(activity.id())),
				policies.of(activity.agency()).recording().interruption().cite());
	}

	/** Records why recording stopped after the given recording. */
	@Transactional
	public Interruption explain(Actor actor, UUID activityId, UUID afterRecordingId, String reasonCode, String note) {
		Activity activity = activities.get(actor, activityId);
		activities.requireParticipantOrHead(actor, activity);
		AgencyPolicy.Interruption rule = policies.of(activity.agency()).recording().interruption();
		Interruption gap = of(activity).stream()
			.filter(candidate -> candidate.afterRecordingId().equals(afterRecordingId))
			.findFirst()
			.orElseThrow(() -> CustodiaException.notFound("error.interruption-not-found", afterRecordingId));
		if (gap.explained()) {
			throw CustodiaException.refused("rule.interruption-explained", gap.cite(), gap.reasonCode());
		}
		String cite = reasonCite(rule, reasonCode);
		Interruption explained = new Interruption(activityId, afterRecordingId, gap.beforeRecordingId(), gap.gapStart(),
				gap.gapEnd(), gap.seconds(), reasonCode.strip(), Activities.blank(note), actor.username(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS), cite);
		reviews.explain(explained, activity.agency());
		ledger.append(LedgerEvent.by(actor, activity.agency(), "activity.interruption-explained", "activity",
				activityId.toString(), Map.of("after", afterRecordingId.toString(), "reason", explained.reasonCode(), "seconds",
						gap.seconds(), "cite", cite)));
		return explained;
	}

	/** The reason codes the agency's regulation accepts. */
	static List<String> reasons(AgencyPolicy.Interruption rule) {
		return rule.reasons().stream().map(AgencyPolicy.Labelled::code).toList();
	}

	private static String reasonCite(AgencyPolicy.Interruption rule, String reasonCode) {
		if (reasonCode == null || reasonCode.isBlank()) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "rule.interruption-reason-required", rule.cite(),
					Map.of("field", "reason"));
		}
		String code = reasonCode.strip();
		return rule.reasons().stream()
			.filter(reason -> reason.code().equals(code))
			.map(AgencyPolicy.Labelled::cite)
			.findFirst()
			.orElseThrow(() -> new CustodiaException(HttpStatus.BAD_REQUEST, "rule.interruption-reason-unknown", rule.cite(),
					Map.of("field", "reason"), code, String.join(", ", reasons(rule))));
	}
}
