package org.custodia.access.web;

import java.util.List;
import java.util.UUID;

import org.custodia.access.Secrecy;
import org.custodia.identity.Users;
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

/**
 * The secrecy marks page (保密标记): the marks the reader may know of, their approval and lifting; and the form that
 * proposes one on a recording (from the recording's page) or on a case.
 */
@Controller
class SecrecyPageController {

	private final Secrecy secrecy;

	private final Users users;

	private final PageFlash flash;

	private final java.time.Clock clock;

	SecrecyPageController(Secrecy secrecy, Users users, PageFlash flash, java.time.Clock clock) {
		this.secrecy = secrecy;
		this.users = users;
		this.flash = flash;
		this.clock = clock;
	}

	@GetMapping("/secrecy-marks")
	String marks(@RequestParam(required = false) UUID recording, Model model) {
		Actor actor = CurrentActor.get();
		String agency = actor.agencyOf(null);
		model.addAttribute("lines", secrecy.lines(actor, agency));
		model.addAttribute("people", users.list(actor, agency).stream().filter(user -> user.enabled()).toList());
		model.addAttribute("recording", recording);
		model.addAttribute("zone", clock.getZone());
		return "access/secrecy";
	}

	@PostMapping("/secrecy-marks")
	String propose(@RequestParam(required = false) UUID recording, @RequestParam String kind,
			@RequestParam(required = false) List<UUID> named, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		String back = "redirect:/secrecy-marks" + (recording == null ? "" : "?recording=" + recording);
		return flash.attempt(redirect, back, () -> {
			secrecy.propose(CurrentActor.get(), new Secrecy.NewMark(recording, null, kind, named, reason));
			flash.notice(redirect, "secrecy.proposed");
			return "redirect:/secrecy-marks";
		});
	}

	@PostMapping("/secrecy-marks/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam boolean approved, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/secrecy-marks", () -> {
			secrecy.decide(CurrentActor.get(), id, approved, note);
			flash.notice(redirect, "secrecy.decided");
			return "redirect:/secrecy-marks";
		});
	}

	@PostMapping("/secrecy-marks/{id}/removal")
	String askRemoval(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/secrecy-marks", () -> {
			secrecy.askRemoval(CurrentActor.get(), id, reason);
			flash.notice(redirect, "secrecy.removal-asked");
			return "redirect:/secrecy-marks";
		});
	}
}
