package org.custodia.activity.web;

import java.util.List;
import java.util.UUID;

import org.custodia.activity.WorkRecord;
import org.custodia.activity.WorkRecords;
import org.custodia.shared.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The work records of an activity that was not recorded (CMP-3) over REST: written, reviewed, filed. */
@RestController
@RequestMapping("/api/v1/activities/{id}/work-records")
class WorkRecordApiController {

	record Review(boolean approved, String note) {
	}

	private final WorkRecords workRecords;

	WorkRecordApiController(WorkRecords workRecords) {
		this.workRecords = workRecords;
	}

	@GetMapping
	List<WorkRecord> workRecords(@PathVariable UUID id) {
		return workRecords.of(CurrentActor.get(), id);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	WorkRecord write(@PathVariable UUID id, @RequestBody WorkRecords.Draft draft) {
		return workRecords.write(CurrentActor.get(), id, draft);
	}

	@PostMapping("/{recordId}/review")
	WorkRecord review(@PathVariable UUID id, @PathVariable UUID recordId, @RequestBody Review review) {
		return workRecords.review(CurrentActor.get(), id, recordId, review.approved(), review.note());
	}

	@PostMapping("/{recordId}/file")
	WorkRecord file(@PathVariable UUID id, @PathVariable UUID recordId) {
		return workRecords.file(CurrentActor.get(), id, recordId);
	}
}
