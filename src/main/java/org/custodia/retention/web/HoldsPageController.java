package org.custodia.retention.web;

import java.util.UUID;

import org.custodia.retention.Retention;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.web.PageFlash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The holds page (保全清单): the agency's holds, released ones too, and the forms that place and release them. */
@Controller
class HoldsPageController {

	private final Retention retention;

	private final PageFlash flash;

	private final java.time.Clock clock;

	HoldsPageController(Retention retention, PageFlash flash, java.time.Clock clock) {
		this.retention = retention;
		this.flash = flash;
		this.clock = clock;
	}

	@GetMapping("/holds")
	String holds(Model model) {
		Actor actor = CurrentActor.get();
		String agency = actor.agencyOf(null);
		model.addAttribute("holds", retention.holds(actor, agency, false));
		model.addAttribute("mayHold", retention.mayHold(actor, agency));
		model.addAttribute("zone", clock.getZone());
		return "retention/holds";
	}

	@PostMapping("/holds")
	String place(@RequestParam(required = false) UUID recording, @RequestParam String kind,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		String back = recording == null ? "redirect:/holds" : "redirect:/recordings/" + recording;
		return flash.attempt(redirect, back, () -> {
			retention.place(CurrentActor.get(), new Retention.NewHold(recording, null, kind, reason));
			flash.notice(redirect, "retention.hold-placed");
			return back;
		});
	}

	@PostMapping("/holds/{id}/release")
	String release(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/holds", () -> {
			retention.release(CurrentActor.get(), id, reason);
			flash.notice(redirect, "retention.hold-released");
			return "redirect:/holds";
		});
	}
}
