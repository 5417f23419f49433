package org.custodia.access.web;

import java.util.List;
import java.util.UUID;

import org.custodia.access.Secrecy;
import org.custodia.access.SecrecyMark;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Secrecy marks (ACC-9) over REST: proposed, approved or refused, and lifted the same way. */
@RestController
class SecrecyApiController {

	record Decision(Boolean approved, String note) {
	}

	record Removal(String reason) {
	}

	private final Secrecy secrecy;

	SecrecyApiController(Secrecy secrecy) {
		this.secrecy = secrecy;
	}

	@PostMapping("/api/v1/secrecy-marks")
	@ResponseStatus(HttpStatus.CREATED)
	SecrecyMark propose(@RequestBody Secrecy.NewMark mark) {
		return secrecy.propose(CurrentActor.get(), mark);
	}

	@GetMapping("/api/v1/secrecy-marks")
	List<SecrecyMark> list(@RequestParam(required = false) String agency) {
		Actor actor = CurrentActor.get();
		return secrecy.list(actor, actor.agencyOf(agency));
	}

	@PostMapping("/api/v1/secrecy-marks/{id}/decision")
	SecrecyMark decide(@PathVariable UUID id, @RequestBody Decision decision) {
		if (decision.approved() == null) {
			throw CustodiaException.badRequest("error.field-required", "approved");
		}
		return secrecy.decide(CurrentActor.get(), id, decision.approved(), decision.note());
	}

	@PostMapping("/api/v1/secrecy-marks/{id}/removal")
	SecrecyMark askRemoval(@PathVariable UUID id, @RequestBody Removal removal) {
		return secrecy.askRemoval(CurrentActor.get(), id, removal.reason());
	}
}
