package org.custodia.access.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.custodia.access.AccessRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The access register page (查阅登记簿): searchable, with the same search as CSV and as the printed register. */
@Controller
class AccessRegisterPageController {

	private final AccessRegister register;

	private final Clock clock;

	AccessRegisterPageController(AccessRegister register, Clock clock) {
		this.register = register;
		this.clock = clock;
	}

	@GetMapping("/access-register")
	String register(@RequestParam(required = false) UUID recording, @RequestParam(required = false) UUID person,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String q, Model model) {
		Actor actor = CurrentActor.get();
		String agency = actor.agencyOf(null);
		model.addAttribute("lines", register.search(actor, agency, AccessRegisterApiController.query(recording, person, from, to, q, clock.getZone())));
		model.addAttribute("whole", register.readsWhole(actor, agency));
		model.addAttribute("recording", recording);
		model.addAttribute("person", person);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("q", q);
		model.addAttribute("zone", clock.getZone());
		return "access/register";
	}
}
