package org.custodia.activity.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.custodia.activity.Activities;
import org.custodia.activity.ComplianceBoard;
import org.custodia.activity.EnforcementCase;
import org.custodia.activity.LongTermMark;
import org.custodia.activity.LongTermMarks;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Cases, long-term marks on single recordings, and the compliance board over REST. */
@RestController
class CaseApiController {

	record NewCase(String agency, String number, String name, List<UUID> handlers) {
	}

	record Handlers(List<UUID> handlers, String reason) {
	}

	record Mark(String trigger, String note) {
	}

	private final Activities activities;

	private final LongTermMarks longTerm;

	private final ComplianceBoard board;

	CaseApiController(Activities activities, LongTermMarks longTerm, ComplianceBoard board) {
		this.activities = activities;
		this.longTerm = longTerm;
		this.board = board;
	}

	@GetMapping("/api/v1/cases")
	List<EnforcementCase> cases(@RequestParam(required = false) String agency) {
		Actor actor = CurrentActor.get();
		return activities.cases(actor, actor.agencyOf(agency));
	}

	@PostMapping("/api/v1/cases")
	@ResponseStatus(HttpStatus.CREATED)
	EnforcementCase open(@RequestBody NewCase request) {
		Actor actor = CurrentActor.get();
		return activities.openCase(actor, actor.agencyOf(request.agency()), request.number(),
				request.name(), request.handlers());
	}

	/** Replaces the case's handlers (案件承办人) with those given, for the reason given. */
	@PutMapping("/api/v1/cases/{id}/handlers")
	EnforcementCase assignHandlers(@PathVariable UUID id, @RequestBody Handlers request) {
		return activities.assignHandlers(CurrentActor.get(), id, request.handlers(), request.reason());
	}

	@GetMapping("/api/v1/cases/{id}")
	EnforcementCase get(@PathVariable UUID id) {
		return activities.getCase(CurrentActor.get(), id);
	}

	@PostMapping("/api/v1/cases/{id}/close")
	EnforcementCase close(@PathVariable UUID id) {
		return activities.closeCase(CurrentActor.get(), id);
	}

	@PostMapping("/api/v1/recordings/{id}/long-term")
	@ResponseStatus(HttpStatus.CREATED)
	LongTermMark markRecording(@PathVariable UUID id, @RequestBody Mark mark) {
		return longTerm.markRecording(CurrentActor.get(), id, mark.trigger(), mark.note());
	}

	/** The agency's long-term marks, oldest first: what the retention work must keep and why. */
	@GetMapping("/api/v1/long-term-marks")
	List<LongTermMark> longTermMarks(@RequestParam(required = false) String agency) {
		Actor actor = CurrentActor.get();
		return longTerm.marks(actor, actor.agencyOf(agency));
	}

	/** Per unit and officer: activities by compliance state, late imports, unexplained interruptions, missing statements. */
	@GetMapping("/api/v1/compliance")
	ComplianceBoard.Board compliance(@RequestParam(required = false) String agency,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to) {
		Actor actor = CurrentActor.get();
		return board.board(actor, actor.agencyOf(agency), from, to);
	}
}
