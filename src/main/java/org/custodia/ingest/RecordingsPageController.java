package org.custodia.ingest;

import java.util.List;

import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The register of the agency's recordings, newest import first, each leading to its player. */
@Controller
class RecordingsPageController {

	static final int PAGE = 50;

	private final RecordingRepository recordings;

	private final PolicyDecisions decisions;

	private final java.time.Clock clock;

	RecordingsPageController(RecordingRepository recordings, PolicyDecisions decisions, java.time.Clock clock) {
		this.clock = clock;
		this.recordings = recordings;
		this.decisions = decisions;
	}

	@GetMapping("/recordings")
	@Transactional(readOnly = true)
	String register(@RequestParam(required = false) String after, Model model) {
		Actor actor = CurrentActor.get();
		String agency = actor.agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		List<Recording> items = recordings.list(new RecordingRepository.Filter(agency, null, null, null, null),
				RecordingsApiController.decode(after), PAGE);
		model.addAttribute("recordings", items);
		model.addAttribute("next", items.size() == PAGE ? RecordingsApiController.encode(items.get(PAGE - 1)) : null);
		model.addAttribute("zone", clock.getZone());
		return "ingest/recordings";
	}
}
