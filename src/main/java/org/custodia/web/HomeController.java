package org.custodia.web;

import java.util.List;
import java.util.Locale;

import org.custodia.shared.CurrentActor;
import org.custodia.shared.Notices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what each module wants the signed-in user to see first. */
@Controller
class HomeController {

	private final List<Notices> notices;

	HomeController(List<Notices> notices) {
		this.notices = notices;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		model.addAttribute("alerts",
				notices.stream().flatMap(source -> source.alertsFor(CurrentActor.get(), locale).stream()).toList());
		model.addAttribute("notices",
				notices.stream().flatMap(source -> source.noticesFor(CurrentActor.get(), locale).stream()).toList());
		return "home";
	}
}
