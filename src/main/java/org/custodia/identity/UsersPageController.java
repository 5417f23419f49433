package org.custodia.identity;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of users: the list of an agency's users and a form to add one. */
@Controller
class UsersPageController {

	private final Users users;

	private final Agencies agencies;

	private final MessageSource messages;

	UsersPageController(Users users, Agencies agencies, MessageSource messages) {
		this.users = users;
		this.agencies = agencies;
		this.messages = messages;
	}

	@GetMapping("/admin/users")
	String users(@RequestParam(required = false) String agency, Model model) {
		Actor actor = CurrentActor.get();
		List<AgencyView> visible = agencies.visibleTo(actor);
		String selected = agency != null ? agency : actor.agency().orElse(visible.isEmpty() ? null : visible.get(0).code());
		model.addAttribute("agencies", visible);
		model.addAttribute("selected", selected);
		model.addAttribute("roles", List.of(Role.values()).stream().map(Role::code).toList());
		model.addAttribute("unitKinds", Agencies.UNIT_KINDS);
		if (selected != null) {
			model.addAttribute("users", users.list(actor, selected));
			model.addAttribute("units", agencies.units(actor, selected));
		}
		return "identity/users";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam String agency, @RequestParam UUID unitId, @RequestParam String username,
			@RequestParam String displayName, @RequestParam List<String> roles, @RequestParam String initialPassword,
			Locale locale, RedirectAttributes redirect) {
		try {
			users.create(CurrentActor.get(), new NewUser(username, displayName, agency, unitId, roles, initialPassword));
			redirect.addFlashAttribute("notice", messages.getMessage("users.created", new Object[] { username }, locale));
		}
		catch (CustodiaException e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
		}
		return "redirect:/admin/users?agency=" + agency;
	}

	@PostMapping("/admin/units")
	String createUnit(@RequestParam String agency, @RequestParam String nameZh, @RequestParam(required = false) String nameEn,
			@RequestParam String kind, Locale locale, RedirectAttributes redirect) {
		try {
			agencies.createUnit(CurrentActor.get(), agency, nameZh, nameEn, kind);
			redirect.addFlashAttribute("notice", messages.getMessage("units.created", new Object[] { nameZh }, locale));
		}
		catch (CustodiaException e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
		}
		return "redirect:/admin/users?agency=" + agency;
	}
}
