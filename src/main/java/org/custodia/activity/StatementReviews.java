package org.custodia.activity;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.recording.RecordingRegister;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.policy.Text;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The start statement (001 art. 8) and the notification (001 art. 9, 002 art. 8) of REC-5: the
 * agency's words shown beside the player, a speech check's findings where one can tell, and the
 * reviewer's record of what was heard.
 */
@Component
public class StatementReviews {

	/** What a reviewer needs beside the player, and what was found so far. */
	public record Sheet(boolean startRequired, Text startText, String startCite, boolean notificationRequired, Text sentence,
			String notificationCite, List<StatementReview> reviews, List<Automatic> automatic) {
	}

	/** What a speech check heard on one recording; null where it could not tell. */
	public record Automatic(UUID recordingId, SpeechCheck.Heard startStatement, SpeechCheck.Heard notification) {
	}

	private final Activities activities;

	private final ActivityRepository repository;

	private final ReviewRepository reviews;

	private final RecordingRegister register;

	private final List<SpeechCheck> checks;

	private final Policies policies;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	private final Clock clock;

	StatementReviews(Activities activities, ActivityRepository repository, ReviewRepository reviews,
			RecordingRegister register, List<SpeechCheck> checks, Policies policies, PolicyDecisions decisions,
			Ledger ledger, Clock clock) {
		this.activities = activities;
		this.repository = repository;
		this.reviews = reviews;
		this.register = register;
		this.checks = checks;
		this.policies = policies;
		this.decisions = decisions;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Sheet sheet(Actor actor, UUID activityId) {
		return sheet(activities.get(actor, activityId));
	}

	/** The sheet of an activity the caller has already loaded for the actor. */
	Sheet sheet(Activity activity) {
		AgencyPolicy.Recording rules = policies.of(activity.agency()).recording();
		List<Automatic> automatic = new ArrayList<>();
		for (RecordingLink link : repository.links(List.of(activity.id()))) {
			register.find(link.recordingId()).ifPresent(recording -> {
				SpeechCheck.Heard start = rules.startStatement().text() == null ? null
						: listen(check -> check.listen(recording, rules.startStatement().text()));
				SpeechCheck.Heard notice = rules.notification().sentence() == null ? null
						: listen(check -> check.listen(recording, rules.notification().sentence()));
				if (start != null || notice != null) {
					automatic.add(new Automatic(recording.id(), start, notice));
				}
			});
		}
		return new Sheet(rules.startStatement().required(), rules.startStatement().text(), rules.startStatement().cite(),
				rules.notification().required(), rules.notification().sentence(), rules.notification().cite(),
				reviews.reviews(List.of(activity.id())), automatic);
	}

	/** A reviewer records what was heard on one of the activity's recordings. */
	@Transactional
	public StatementReview review(Actor actor, UUID activityId, UUID recordingId, Boolean startStatement,
			Boolean notification, String note) {
		Activity activity = activities.get(actor, activityId);
		decisions.decide(actor, Action.REVIEW_STATEMENTS, activity.agency()).orThrow();
		if (recordingId == null || repository.linkOf(recordingId).filter(link -> link.activityId().equals(activityId)).isEmpty()) {
			throw CustodiaException.badRequest("error.recording-not-in-activity", String.valueOf(recordingId));
		}
		if (startStatement == null && notification == null) {
			throw CustodiaException.badRequest("error.field-required", "startStatement / notification");
		}
		StatementReview review = new StatementReview(UUID.randomUUID(), activityId, recordingId, startStatement, notification,
				StatementReview.Method.MANUAL, Activities.blank(note), actor.username(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
		reviews.insertReview(review, activity.agency());
		AgencyPolicy.Recording rules = policies.of(activity.agency()).recording();
		Map<String, Object> payload = new HashMap<>();
		payload.put("recording", recordingId.toString());
		payload.put("method", StatementReview.Method.MANUAL.code());
		if (startStatement != null) {
			payload.put("startStatement", startStatement);
			payload.put("startCite", rules.startStatement().cite());
		}
		if (notification != null) {
			payload.put("notification", notification);
			payload.put("notificationCite", rules.notification().cite());
		}
		ledger.append(LedgerEvent.by(actor, activity.agency(), "activity.statement-reviewed", "activity",
				activityId.toString(), payload));
		return review;
	}

	/** Whether the reviews so far confirm everything the agency requires to be said. */
	static boolean confirmed(AgencyPolicy.Recording rules, List<StatementReview> reviews) {
		boolean start = !rules.startStatement().required()
				|| reviews.stream().anyMatch(review -> Boolean.TRUE.equals(review.startStatement()));
		boolean notice = !rules.notification().required()
				|| reviews.stream().anyMatch(review -> Boolean.TRUE.equals(review.notification()));
		return start && notice;
	}

	private SpeechCheck.Heard listen(java.util.function.Function<SpeechCheck, Optional<SpeechCheck.Heard>> ask) {
		for (SpeechCheck check : checks) {
			Optional<SpeechCheck.Heard> heard = ask.apply(check);
			if (heard.isPresent()) {
				return heard.get();
			}
		}
		return null;
	}
}
