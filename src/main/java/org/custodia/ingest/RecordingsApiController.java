package org.custodia.ingest;

import java.util.List;
import java.util.Map;

import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Footage, as far as it exists yet: no recordings are stored before the import issue lands, but
 * who may see them is already decided by the policy, and the administrator is refused.
 */
@RestController
@RequestMapping("/api/v1/recordings")
class RecordingsApiController {

	private final PolicyDecisions decisions;

	RecordingsApiController(PolicyDecisions decisions) {
		this.decisions = decisions;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(required = false) String agency) {
		Actor actor = CurrentActor.get();
		String agencyCode = agency != null ? agency : actor.agency().orElse(null);
		decisions.decide(actor, Action.VIEW_OWN_CASE, agencyCode).orThrow();
		return Map.of("agency", agencyCode, "items", List.of(), "next", "");
	}
}
