package org.custodia.fixity;

import java.time.Clock;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.storage.StoredCopies;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The integrity page (完整性巡检): recent sweeps and the findings still open, and a button to sweep now. */
@Controller
class FixityPageController {

	private final FixitySweeps sweeps;

	private final FixityRepository rows;

	private final StoredCopies copies;

	private final Clock clock;

	FixityPageController(FixitySweeps sweeps, FixityRepository rows, StoredCopies copies, Clock clock) {
		this.sweeps = sweeps;
		this.rows = rows;
		this.copies = copies;
		this.clock = clock;
	}

	@GetMapping("/fixity")
	String page(Model model) {
		Actor actor = CurrentActor.get();
		FixitySweeps.requireMayRun(actor);
		String agency = actor.isInstallationAdministrator() ? null : actor.agency().orElse(null);
		model.addAttribute("sweeps", rows.recentSweeps(20));
		model.addAttribute("findings", rows.openFindings(agency, 200));
		model.addAttribute("secondCopy", copies.hasSecondCopy());
		model.addAttribute("repairs", sweeps.repairs());
		model.addAttribute("zone", clock.getZone());
		return "fixity/fixity";
	}

	@PostMapping("/fixity/sweeps")
	String start() {
		sweeps.start(CurrentActor.get());
		return "redirect:/fixity";
	}
}
