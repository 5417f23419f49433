package org.custodia.ingest;

import org.custodia.device.DeviceRegister;
import org.custodia.identity.Users;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The custodian's import page: a folder of the workstation or files uploaded from the browser, with live progress. */
@Controller
class ImportsPageController {

	private final DeviceRegister register;

	private final Users users;

	private final PolicyDecisions decisions;

	ImportsPageController(DeviceRegister register, Users users, PolicyDecisions decisions) {
		this.register = register;
		this.users = users;
		this.decisions = decisions;
	}

	@GetMapping("/imports")
	String imports(Model model) {
		Actor actor = CurrentActor.get();
		String agency = actor.agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		model.addAttribute("devices", register.list(actor, agency, null));
		model.addAttribute("officers", users.officersOf(actor, agency));
		model.addAttribute("maxUpload", BrowserUploads.MAX_SIZE);
		return "ingest/imports";
	}
}
