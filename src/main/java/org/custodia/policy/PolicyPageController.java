package org.custodia.policy;

import java.util.List;
import java.util.Locale;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The policy page: the rules of the agencies the user may see, side by side, with their citations. */
@Controller
class PolicyPageController {

	private final Policies policies;

	private final RetentionPeriods retention;

	private final MessageSource messages;

	PolicyPageController(Policies policies, RetentionPeriods retention, MessageSource messages) {
		this.policies = policies;
		this.retention = retention;
		this.messages = messages;
	}

	@GetMapping("/policies")
	String policies(Model model, Locale locale) {
		Actor actor = CurrentActor.get();
		List<AgencyPolicy> visible = policies.all().stream().filter(policy -> actor.belongsTo(policy.code())).toList();
		List<RetentionPeriods.Effective> periods = visible.stream().map(policy -> retention.effective(policy.code())).toList();
		model.addAttribute("agencies", visible);
		model.addAttribute("periods", periods);
		model.addAttribute("overridden", visible.stream().map(policy -> policies.isOverridden(policy.code())).toList());
		model.addAttribute("sections", new PolicyComparison(visible, periods, messages, locale).sections());
		model.addAttribute("activityList", visible.stream()
			.filter(policy -> !policy.recording().activityList().isEmpty())
			.toList());
		model.addAttribute("english", "en".equals(locale.getLanguage()));
		return "policy/policies";
	}

	@PostMapping("/policies/retention")
	String setRetention(@RequestParam String agency, @RequestParam int months, @RequestParam String reason,
			Locale locale, RedirectAttributes redirect) {
		try {
			retention.set(CurrentActor.get(), agency, months, reason);
			redirect.addFlashAttribute("notice", messages.getMessage("policy.retention-saved", new Object[] { months }, locale));
		}
		catch (CustodiaException e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale)
					+ (e.citation() == null ? "" : "（" + e.citation() + "）"));
		}
		return "redirect:/policies";
	}
}
