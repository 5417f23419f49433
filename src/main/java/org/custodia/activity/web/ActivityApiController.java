package org.custodia.activity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.custodia.activity.Activities;
import org.custodia.activity.ActivityRecordings;
import org.custodia.activity.ActivityType;
import org.custodia.activity.ActivityView;
import org.custodia.activity.Compliance;
import org.custodia.activity.InspectionPlans;
import org.custodia.activity.NewActivity;
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

/** Enforcement activities over REST, each with its compliance state: listed, entered, imported, made from a recording. */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityApiController {

	record FromRecording(UUID recordingId, String type, String place, UUID caseId) {
	}

	private final Activities activities;

	private final InspectionPlans plans;

	private final ActivityRecordings recordings;

	ActivityApiController(Activities activities, InspectionPlans plans, ActivityRecordings recordings) {
		this.activities = activities;
		this.plans = plans;
		this.recordings = recordings;
	}

	/** Activities that started between the two days (inclusive, in the agencies' zone); {@code state} filters by compliance. */
	@GetMapping
	List<ActivityView> list(@RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) Compliance.State state) {
		Actor actor = CurrentActor.get();
		return activities.views(actor, actor.agencyOf(agency), from, to, state);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ActivityView create(@RequestBody NewActivity activity) {
		Actor actor = CurrentActor.get();
		return activities.create(actor, new NewActivity(actor.agencyOf(activity.agency()), activity.type(),
				activity.unitId(), activity.caseId(), activity.place(), activity.startedAt(), activity.endedAt(),
				activity.officers(), activity.parties()));
	}

	/** An inspection plan as CSV; answers what was created and which lines were refused. */
	@PostMapping(value = "/import", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	InspectionPlans.ImportResult importPlan(@RequestParam(required = false) String agency, @RequestBody String csv) {
		Actor actor = CurrentActor.get();
		return plans.importCsv(actor, actor.agencyOf(agency), csv);
	}

	@PostMapping("/from-recording")
	@ResponseStatus(HttpStatus.CREATED)
	ActivityView fromRecording(@RequestBody FromRecording request) {
		if (request.recordingId() == null) {
			throw CustodiaException.badRequest("error.field-required", "recordingId");
		}
		return recordings.createFrom(CurrentActor.get(), request.recordingId(), request.type(), request.place(),
				request.caseId());
	}

	@GetMapping("/types")
	List<ActivityType> types(@RequestParam(required = false) String agency) {
		Actor actor = CurrentActor.get();
		return activities.types(actor, actor.agencyOf(agency));
	}

	@GetMapping("/{id}")
	ActivityView get(@PathVariable UUID id) {
		return activities.view(CurrentActor.get(), id);
	}
}
