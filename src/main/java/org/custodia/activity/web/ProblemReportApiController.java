package org.custodia.activity.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.custodia.activity.ProblemReport;
import org.custodia.activity.ProblemReports;
import org.custodia.shared.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reports that recording could not go on, made to the head of the officer's department (002 art. 11). */
@RestController
@RequestMapping("/api/v1/activities/{id}/problem-reports")
class ProblemReportApiController {

	/** {@code reportedAt}: when the officer reported (now when left out). */
	record Report(UUID reportedToId, Instant reportedAt, String note) {
	}

	private final ProblemReports reports;

	ProblemReportApiController(ProblemReports reports) {
		this.reports = reports;
	}

	@GetMapping
	List<ProblemReport> list(@PathVariable UUID id) {
		return reports.of(CurrentActor.get(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProblemReport report(@PathVariable UUID id, @RequestBody Report report) {
		return reports.report(CurrentActor.get(), id, report.reportedToId(), report.reportedAt(), report.note());
	}
}
