package org.custodia.ingest.web;

import java.util.Locale;

import org.custodia.ingest.DockOverview;
import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The dock page: the watched roots and the recent dockings of the custodian's agency. */
@Controller
class DockController {

	private final DockOverview overview;

	DockController(DockOverview overview) {
		this.overview = overview;
	}

	@GetMapping("/dock")
	String page(Model model, Locale locale) {
		model.addAttribute("dock", overview.view(CurrentActor.get(), locale));
		return "ingest/dock";
	}
}
