package org.custodia.retention.web;

import java.util.List;
import java.util.UUID;

import org.custodia.retention.Hold;
import org.custodia.retention.Retention;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A recording's keeping (keep-until, the deciding rule, holds) and the holds over REST. */
@RestController
class RetentionApiController {

	record Release(String reason) {
	}

	private final Retention retention;

	RetentionApiController(Retention retention) {
		this.retention = retention;
	}

	@GetMapping("/api/v1/recordings/{id}/retention")
	Retention.Keeping keeping(@PathVariable UUID id) {
		return retention.of(CurrentActor.get(), id);
	}

	@PostMapping("/api/v1/holds")
	@ResponseStatus(HttpStatus.CREATED)
	Hold place(@RequestBody Retention.NewHold hold) {
		return retention.place(CurrentActor.get(), hold);
	}

	@PostMapping("/api/v1/holds/{id}/release")
	Hold release(@PathVariable UUID id, @RequestBody Release release) {
		return retention.release(CurrentActor.get(), id, release.reason());
	}

	@GetMapping("/api/v1/holds")
	List<Hold> holds(@RequestParam(required = false) String agency,
			@RequestParam(required = false, defaultValue = "false") boolean all) {
		Actor actor = CurrentActor.get();
		return retention.holds(actor, actor.agencyOf(agency), !all);
	}
}
