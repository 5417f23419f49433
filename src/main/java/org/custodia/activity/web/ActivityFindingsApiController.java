package org.custodia.activity.web;

import java.util.List;
import java.util.UUID;

import org.custodia.activity.ActivityRecordings;
import org.custodia.activity.Interruption;
import org.custodia.activity.Interruptions;
import org.custodia.activity.LongTermMark;
import org.custodia.activity.LongTermMarks;
import org.custodia.activity.RecordingLink;
import org.custodia.activity.StatementReview;
import org.custodia.activity.StatementReviews;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What hangs off one activity over REST: its recordings and suggestions, gaps, statement reviews, long-term marks. */
@RestController
@RequestMapping("/api/v1/activities/{id}")
class ActivityFindingsApiController {

	record Confirm(UUID recordingId) {
	}

	record Explain(UUID afterRecordingId, String reason, String note) {
	}

	record Statement(UUID recordingId, Boolean startStatement, Boolean notification, String note) {
	}

	record Mark(String trigger, String note) {
	}

	private final ActivityRecordings recordings;

	private final Interruptions interruptions;

	private final StatementReviews statements;

	private final LongTermMarks longTerm;

	ActivityFindingsApiController(ActivityRecordings recordings, Interruptions interruptions, StatementReviews statements,
			LongTermMarks longTerm) {
		this.recordings = recordings;
		this.interruptions = interruptions;
		this.statements = statements;
		this.longTerm = longTerm;
	}

	@GetMapping("/recordings")
	List<RecordingLink> recordings(@PathVariable UUID id) {
		return recordings.of(CurrentActor.get(), id);
	}

	@GetMapping("/suggestions")
	List<ActivityRecordings.Suggestion> suggestions(@PathVariable UUID id) {
		return recordings.suggest(CurrentActor.get(), id);
	}

	@PostMapping("/recordings")
	@ResponseStatus(HttpStatus.CREATED)
	RecordingLink confirm(@PathVariable UUID id, @RequestBody Confirm confirm) {
		if (confirm.recordingId() == null) {
			throw CustodiaException.badRequest("error.field-required", "recordingId");
		}
		return recordings.confirm(CurrentActor.get(), id, confirm.recordingId());
	}

	@GetMapping("/interruptions")
	List<Interruption> interruptions(@PathVariable UUID id) {
		return interruptions.of(CurrentActor.get(), id);
	}

	@PostMapping("/interruptions")
	@ResponseStatus(HttpStatus.CREATED)
	Interruption explain(@PathVariable UUID id, @RequestBody Explain explain) {
		if (explain.afterRecordingId() == null) {
			throw CustodiaException.badRequest("error.field-required", "afterRecordingId");
		}
		return interruptions.explain(CurrentActor.get(), id, explain.afterRecordingId(), explain.reason(), explain.note());
	}

	@GetMapping("/statements")
	StatementReviews.Sheet statements(@PathVariable UUID id) {
		return statements.sheet(CurrentActor.get(), id);
	}

	@PostMapping("/statements")
	@ResponseStatus(HttpStatus.CREATED)
	StatementReview reviewStatements(@PathVariable UUID id, @RequestBody Statement statement) {
		return statements.review(CurrentActor.get(), id, statement.recordingId(), statement.startStatement(),
				statement.notification(), statement.note());
	}

	@GetMapping("/long-term")
	List<LongTermMark> longTerm(@PathVariable UUID id) {
		return longTerm.forActivity(CurrentActor.get(), id);
	}

	@PostMapping("/long-term")
	@ResponseStatus(HttpStatus.CREATED)
	LongTermMark markLongTerm(@PathVariable UUID id, @RequestBody Mark mark) {
		return longTerm.markActivity(CurrentActor.get(), id, mark.trigger(), mark.note());
	}
}
