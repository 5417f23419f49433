package org.custodia.policy.web;

import java.time.LocalDate;
import java.util.Locale;

import org.custodia.policy.PolicyPage;
import org.custodia.policy.RetentionPeriods;
import org.custodia.shared.CurrentActor;
import org.custodia.web.PageFlash;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The policy page: the rules of the agencies the user may see, side by side; an open retention period set, or
 * one the agency decided where its regulation wants footage kept complete.
 */
@Controller
class PolicyPageController {

	private final PolicyPage page;

	private final RetentionPeriods retention;

	private final PageFlash flash;

	PolicyPageController(PolicyPage page, RetentionPeriods retention, PageFlash flash) {
		this.page = page;
		this.retention = retention;
		this.flash = flash;
	}

	@GetMapping("/policies")
	String policies(Model model, Locale locale) {
		PolicyPage.View view = page.view(CurrentActor.get(), locale);
		model.addAttribute("agencies", view.agencies());
		model.addAttribute("periods", view.periods());
		model.addAttribute("overridden", view.overridden());
		model.addAttribute("sections", view.sections());
		model.addAttribute("activityList", view.activityList());
		model.addAttribute("english", view.english());
		return "policy/policies";
	}

	@PostMapping("/policies/retention")
	String setRetention(@RequestParam String agency, @RequestParam int months, @RequestParam String reason,
			@RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
			RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/policies", () -> {
			retention.set(CurrentActor.get(), agency, months, reason,
					new RetentionPeriods.AgencyDecision(decisionNumber, decisionDate));
			flash.notice(redirect, "policy.retention-saved", months);
			return "redirect:/policies";
		});
	}
}
