package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Enforcement activities over REST, each with its compliance state, and what hangs off an activity. */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityApiController {

	record FromRecording(UUID recordingId, String type, String place, UUID caseId) {
	}

	record Confirm(UUID recordingId) {
	}

	record Review(boolean approved, String note) {
	}

	record Explain(UUID afterRecordingId, String reason, String note) {
	}

	record Statement(UUID recordingId, Boolean startStatement, Boolean notification, String note) {
	}

	record Mark(String trigger, String note) {
	}

	private final Activities activities;

	private final InspectionPlans plans;

	private final ActivityRecordings recordings;

	private final WorkRecords workRecords;

	private final Interruptions interruptions;

	private final StatementReviews statements;

	private final LongTermMarks longTerm;

	private final ComplianceFacts facts;

	private final Clock clock;

	ActivityApiController(Activities activities, InspectionPlans plans, ActivityRecordings recordings,
			WorkRecords workRecords, Interruptions interruptions, StatementReviews statements, LongTermMarks longTerm,
			ComplianceFacts facts, Clock clock) {
		this.activities = activities;
		this.plans = plans;
		this.recordings = recordings;
		this.workRecords = workRecords;
		this.interruptions = interruptions;
		this.statements = statements;
		this.longTerm = longTerm;
		this.facts = facts;
		this.clock = clock;
	}

	/** Activities that started between the two days (inclusive, in the agencies' zone); {@code state} filters by compliance. */
	@GetMapping
	List<ActivityView> list(@RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Compliance.State state) {
		Instant start = from == null ? null : from.atStartOfDay(clock.getZone()).toInstant();
		Instant end = to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
		return facts.of(activities.list(CurrentActor.get(), agencyOf(agency), start, end))
			.stream()
			.filter(view -> state == null || view.compliance().state() == state)
			.toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ActivityView create(@RequestBody NewActivity activity) {
		NewActivity request = new NewActivity(agencyOf(activity.agency()), activity.type(), activity.unitId(),
				activity.caseId(), activity.place(), activity.startedAt(), activity.endedAt(), activity.officers(),
				activity.parties());
		return facts.of(activities.create(CurrentActor.get(), request));
	}

	/** An inspection plan as CSV; answers what was created and which lines were refused. */
	@PostMapping(value = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	InspectionPlans.ImportResult importPlan(@RequestParam(required = false) String agency, @RequestBody String csv) {
		return plans.importCsv(CurrentActor.get(), agencyOf(agency), csv);
	}

	@PostMapping("/from-recording")
	@ResponseStatus(HttpStatus.CREATED)
	ActivityView fromRecording(@RequestBody FromRecording request) {
		if (request.recordingId() == null) {
			throw CustodiaException.badRequest("error.field-required", "recordingId");
		}
		return facts.of(recordings.createFrom(CurrentActor.get(), request.recordingId(), request.type(), request.place(),
				request.caseId()));
	}

	@GetMapping("/types")
	List<ActivityTypes.ActivityType> types(@RequestParam(required = false) String agency) {
		return activities.types(CurrentActor.get(), agencyOf(agency));
	}

	@GetMapping("/{id}")
	ActivityView get(@PathVariable UUID id) {
		return facts.of(activities.get(CurrentActor.get(), id));
	}

	@GetMapping("/{id}/recordings")
	List<RecordingLink> recordings(@PathVariable UUID id) {
		return recordings.of(CurrentActor.get(), id);
	}

	@GetMapping("/{id}/suggestions")
	List<ActivityRecordings.Suggestion> suggestions(@PathVariable UUID id) {
		return recordings.suggest(CurrentActor.get(), id);
	}

	@PostMapping("/{id}/recordings")
	@ResponseStatus(HttpStatus.CREATED)
	RecordingLink confirm(@PathVariable UUID id, @RequestBody Confirm confirm) {
		if (confirm.recordingId() == null) {
			throw CustodiaException.badRequest("error.field-required", "recordingId");
		}
		return recordings.confirm(CurrentActor.get(), id, confirm.recordingId());
	}

	@GetMapping("/{id}/work-records")
	List<WorkRecord> workRecords(@PathVariable UUID id) {
		return workRecords.of(CurrentActor.get(), id);
	}

	@PostMapping("/{id}/work-records")
	@ResponseStatus(HttpStatus.CREATED)
	WorkRecord writeWorkRecord(@PathVariable UUID id, @RequestBody WorkRecords.Draft draft) {
		return workRecords.write(CurrentActor.get(), id, draft);
	}

	@PostMapping("/{id}/work-records/{recordId}/review")
	WorkRecord reviewWorkRecord(@PathVariable UUID id, @PathVariable UUID recordId, @RequestBody Review review) {
		return workRecords.review(CurrentActor.get(), id, recordId, review.approved(), review.note());
	}

	@PostMapping("/{id}/work-records/{recordId}/file")
	WorkRecord fileWorkRecord(@PathVariable UUID id, @PathVariable UUID recordId) {
		return workRecords.file(CurrentActor.get(), id, recordId);
	}

	@GetMapping("/{id}/interruptions")
	List<Interruption> interruptions(@PathVariable UUID id) {
		return interruptions.of(CurrentActor.get(), id);
	}

	@PostMapping("/{id}/interruptions")
	@ResponseStatus(HttpStatus.CREATED)
	Interruption explain(@PathVariable UUID id, @RequestBody Explain explain) {
		if (explain.afterRecordingId() == null) {
			throw CustodiaException.badRequest("error.field-required", "afterRecordingId");
		}
		return interruptions.explain(CurrentActor.get(), id, explain.afterRecordingId(), explain.reason(), explain.note());
	}

	@GetMapping("/{id}/statements")
	StatementReviews.Sheet statements(@PathVariable UUID id) {
		return statements.sheet(CurrentActor.get(), id);
	}

	@PostMapping("/{id}/statements")
	@ResponseStatus(HttpStatus.CREATED)
	StatementReview reviewStatements(@PathVariable UUID id, @RequestBody Statement statement) {
		return statements.review(CurrentActor.get(), id, statement.recordingId(), statement.startStatement(),
				statement.notification(), statement.note());
	}

	@GetMapping("/{id}/long-term")
	List<LongTermMark> longTerm(@PathVariable UUID id) {
		return longTerm.forActivity(CurrentActor.get(), id);
	}

	@PostMapping("/{id}/long-term")
	@ResponseStatus(HttpStatus.CREATED)
	LongTermMark markLongTerm(@PathVariable UUID id, @RequestBody Mark mark) {
		return longTerm.markActivity(CurrentActor.get(), id, mark.trigger(), mark.note());
	}

	static String agencyOf(String agency) {
		Actor actor = CurrentActor.get();
		if (agency != null) {
			return agency;
		}
		return actor.agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
	}
}
