package org.custodia.recording.web;

import java.time.Clock;

import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The register of the agency's recordings, newest import first, each leading to its player. */
@Controller
class RecordingsPageController {

	static final int PAGE = 50;

	private final RecordingRegister register;

	private final Clock clock;

	RecordingsPageController(RecordingRegister register, Clock clock) {
		this.register = register;
		this.clock = clock;
	}

	@GetMapping("/recordings")
	String register(@RequestParam(required = false) String after, Model model) {
		Actor actor = CurrentActor.get();
		RecordingRegister.Page page = register.page(actor, actor.agencyOf(null), null, null, null, null, after, PAGE);
		model.addAttribute("recordings", page.items());
		model.addAttribute("next", page.next());
		model.addAttribute("zone", clock.getZone());
		return "recording/recordings";
	}
}
