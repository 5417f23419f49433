package org.custodia.retention.web;

import java.util.List;
import java.util.UUID;

import org.custodia.policy.Decision;
import org.custodia.retention.Disposals;
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
 * The disposals page (音像记录销毁): the expired recordings the custodian may propose, the agency's disposal lists, and
 * the forms that propose, approve (striking items) and cancel them.
 */
@Controller
class DisposalsPageController {

	private final Disposals disposals;

	private final PageFlash flash;

	private final java.time.Clock clock;

	DisposalsPageController(Disposals disposals, PageFlash flash, java.time.Clock clock) {
		this.disposals = disposals;
		this.flash = flash;
		this.clock = clock;
	}

	@GetMapping("/disposals")
	String page(Model model) {
		Actor actor = CurrentActor.get();
		String agency = actor.agencyOf(null);
		Decision decision = disposals.decision(actor, agency);
		boolean mayPropose = decision.outcome() != Decision.Outcome.REFUSED;
		model.addAttribute("mayPropose", mayPropose);
		model.addAttribute("waitDays", disposals.waitPeriod(agency).toDays());
		model.addAttribute("mayApprove", disposals.mayApprove(actor, agency));
		model.addAttribute("refusal", mayPropose ? null : decision);
		model.addAttribute("expired", mayPropose ? disposals.expired(actor) : List.of());
		model.addAttribute("disposals", disposals.list(actor));
		model.addAttribute("me", actor.username());
		model.addAttribute("zone", clock.getZone());
		return "retention/disposals";
	}

	@PostMapping("/disposals")
	String propose(@RequestParam(name = "recording", required = false) List<UUID> recordings,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/disposals", () -> {
			var disposal = disposals.propose(CurrentActor.get(),
					new Disposals.NewDisposal(recordings == null ? List.of() : recordings, reason));
			flash.notice(redirect, "disposal.proposed", disposal.number());
			return "redirect:/disposals";
		});
	}

	@PostMapping("/disposals/{id}/approval")
	String approve(@PathVariable UUID id, @RequestParam(name = "struck", required = false) List<UUID> struck,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/disposals", () -> {
			var disposal = disposals.approve(CurrentActor.get(), id,
					new Disposals.Approval(struck == null ? List.of() : struck, note));
			flash.notice(redirect, "disposal.decided", disposal.number());
			return "redirect:/disposals";
		});
	}

	@PostMapping("/disposals/{id}/cancel")
	String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/disposals", () -> {
			var disposal = disposals.cancel(CurrentActor.get(), id, reason);
			flash.notice(redirect, "disposal.cancelled", disposal.number());
			return "redirect:/disposals";
		});
	}
}
