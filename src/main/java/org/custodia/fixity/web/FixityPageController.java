package org.custodia.fixity.web;

import java.time.Clock;

import org.custodia.fixity.Fixity;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The integrity page (完整性巡检): recent sweeps and the findings still open, and a button to sweep now. */
@Controller
class FixityPageController {

	private final Fixity fixity;

	private final Clock clock;

	FixityPageController(Fixity fixity, Clock clock) {
		this.fixity = fixity;
		this.clock = clock;
	}

	@GetMapping("/fixity")
	String page(Model model) {
		Actor actor = CurrentActor.get();
		model.addAttribute("findings", fixity.openFindings(actor, 200));
		model.addAttribute("sweeps", fixity.recentSweeps(actor, 20));
		model.addAttribute("secondCopy", fixity.hasSecondCopy());
		model.addAttribute("repairs", fixity.repairs());
		model.addAttribute("zone", clock.getZone());
		return "fixity/fixity";
	}

	@PostMapping("/fixity/sweeps")
	String start() {
		fixity.start(CurrentActor.get());
		return "redirect:/fixity";
	}
}
