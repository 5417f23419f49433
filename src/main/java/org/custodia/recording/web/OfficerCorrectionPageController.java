package org.custodia.recording.web;

import java.util.UUID;

import org.custodia.identity.Users;
import org.custodia.recording.OfficerCorrections;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
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

/** The custodian names the officer of a recording the import named wrongly or not at all, with the reason. */
@Controller
class OfficerCorrectionPageController {

	private final RecordingRegister register;

	private final OfficerCorrections corrections;

	private final Users users;

	private final PageFlash flash;

	OfficerCorrectionPageController(RecordingRegister register, OfficerCorrections corrections, Users users,
			PageFlash flash) {
		this.register = register;
		this.corrections = corrections;
		this.users = users;
		this.flash = flash;
	}

	@GetMapping("/recordings/{id}/officer")
	String form(@PathVariable UUID id, Model model) {
		Actor actor = CurrentActor.get();
		Recording recording = corrections.correctable(actor, id);
		model.addAttribute("recording", recording);
		model.addAttribute("officers", users.officersOf(actor, recording.agency()));
		model.addAttribute("current", recording.officerId() == null ? null
				: users.findByIdForSystem(recording.officerId()).map(user -> user.displayName()).orElse(null));
		return "recording/officer";
	}

	@PostMapping("/recordings/{id}/officer")
	String correct(@PathVariable UUID id, @RequestParam(required = false) UUID officerId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/recordings/" + id + "/officer", () -> {
			Recording corrected = corrections.correct(CurrentActor.get(), id, officerId, reason);
			flash.notice(redirect, "recordings.officer-corrected", corrected.originalName());
			return "redirect:/recordings/" + id;
		});
	}
}
