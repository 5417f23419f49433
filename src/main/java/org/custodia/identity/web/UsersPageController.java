package org.custodia.identity.web;

import java.util.List;
import java.util.UUID;

import org.custodia.identity.Agencies;
import org.custodia.identity.NewUser;
import org.custodia.identity.Users;
import org.custodia.identity.UsersPage;
import org.custodia.shared.CurrentActor;
import org.custodia.web.PageFlash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of users: the list of an agency's users and a form to add one. */
@Controller
class UsersPageController {

	private final UsersPage page;

	private final Users users;

	private final Agencies agencies;

	private final PageFlash flash;

	UsersPageController(UsersPage page, Users users, Agencies agencies, PageFlash flash) {
		this.page = page;
		this.users = users;
		this.agencies = agencies;
		this.flash = flash;
	}

	@GetMapping("/admin/users")
	String users(@RequestParam(required = false) String agency, Model model) {
		UsersPage.View view = page.of(CurrentActor.get(), agency);
		model.addAttribute("agencies", view.agencies());
		model.addAttribute("selected", view.selected());
		model.addAttribute("roles", view.roles());
		model.addAttribute("unitKinds", view.unitKinds());
		model.addAttribute("users", view.users());
		model.addAttribute("units", view.units());
		return "identity/users";
	}

	@PostMapping("/admin/users")
	String create(@RequestParam String agency, @RequestParam UUID unitId, @RequestParam String username,
			@RequestParam String displayName, @RequestParam List<String> roles, @RequestParam String initialPassword,
			RedirectAttributes redirect) {
		String back = "redirect:/admin/users?agency=" + agency;
		return flash.attempt(redirect, back, () -> {
			users.create(CurrentActor.get(), new NewUser(username, displayName, agency, unitId, roles, initialPassword));
			flash.notice(redirect, "users.created", username);
			return back;
		});
	}

	@PostMapping("/admin/units")
	String createUnit(@RequestParam String agency, @RequestParam String nameZh, @RequestParam(required = false) String nameEn,
			@RequestParam String kind, RedirectAttributes redirect) {
		String back = "redirect:/admin/users?agency=" + agency;
		return flash.attempt(redirect, back, () -> {
			agencies.createUnit(CurrentActor.get(), agency, nameZh, nameEn, kind);
			flash.notice(redirect, "units.created", nameZh);
			return back;
		});
	}
}
