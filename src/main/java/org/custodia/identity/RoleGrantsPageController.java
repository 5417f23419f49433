package org.custodia.identity;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The page 角色确认: the agency's role grants, open ones first, with confirm and refuse for who may. */
@Controller
class RoleGrantsPageController {

	private final RoleGrants grants;

	private final Agencies agencies;

	private final MessageSource messages;

	RoleGrantsPageController(RoleGrants grants, Agencies agencies, MessageSource messages) {
		this.grants = grants;
		this.agencies = agencies;
		this.messages = messages;
	}

	@GetMapping("/role-grants")
	String list(@RequestParam(required = false) String agency, Model model) {
		Actor actor = CurrentActor.get();
		List<AgencyView> visible = agencies.visibleTo(actor);
		String selected = agency != null ? agency : actor.agency().orElse(null);
		model.addAttribute("agencies", visible);
		model.addAttribute("selected", selected);
		model.addAttribute("open", grants.list(actor, selected, false));
		model.addAttribute("recent", selected == null ? List.of()
				: grants.list(actor, selected, true).stream().filter(grant -> !grant.state().open()).toList());
		return "identity/role-grants";
	}

	@PostMapping("/role-grants/{id}/confirm")
	String confirm(@PathVariable UUID id, @RequestParam(required = false) String note, Locale locale,
			RedirectAttributes redirect) {
		return decide(() -> grants.confirm(CurrentActor.get(), id, note), "role-grants.confirmed", locale, redirect);
	}

	@PostMapping("/role-grants/{id}/refuse")
	String refuse(@PathVariable UUID id, @RequestParam(required = false) String note, Locale locale,
			RedirectAttributes redirect) {
		return decide(() -> grants.refuse(CurrentActor.get(), id, note), "role-grants.refused", locale, redirect);
	}

	private String decide(java.util.function.Supplier<RoleGrant> decision, String done, Locale locale,
			RedirectAttributes redirect) {
		try {
			RoleGrant grant = decision.get();
			redirect.addFlashAttribute("notice", messages.getMessage(done, new Object[] { grant.username() }, locale));
			return "redirect:/role-grants?agency=" + grant.agency();
		}
		catch (CustodiaException e) {
			Object[] arguments = java.util.Arrays.stream(e.arguments())
				.map(argument -> argument instanceof String key && key.startsWith("role.")
						? messages.getMessage(key, null, key, locale) : argument)
				.toArray();
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), arguments, e.messageKey(), locale));
			return "redirect:/role-grants";
		}
	}
}
