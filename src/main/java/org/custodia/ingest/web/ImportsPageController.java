package org.custodia.ingest.web;

import org.custodia.ingest.ImportsPage;
import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The custodian's import page: a folder of the workstation or files uploaded from the browser, with live progress. */
@Controller
class ImportsPageController {

	private final ImportsPage page;

	ImportsPageController(ImportsPage page) {
		this.page = page;
	}

	@GetMapping("/imports")
	String imports(Model model) {
		ImportsPage.View view = page.view(CurrentActor.get());
		model.addAttribute("devices", view.devices());
		model.addAttribute("officers", view.officers());
		model.addAttribute("maxUpload", view.maxUpload());
		model.addAttribute("recent", view.recent());
		return "ingest/imports";
	}
}
