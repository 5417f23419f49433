package org.custodia.identity.web;

import java.util.UUID;
import java.util.function.Supplier;

import org.custodia.identity.RoleGrant;
import org.custodia.identity.RoleGrants;
import org.custodia.identity.RoleGrantsPage;
import org.custodia.shared.CurrentActor;
import org.custodia.web.PageFlash;
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

	private final RoleGrantsPage page;

	private final RoleGrants grants;

	private final PageFlash flash;

	RoleGrantsPageController(RoleGrantsPage page, RoleGrants grants, PageFlash flash) {
		this.page = page;
		this.grants = grants;
		this.flash = flash;
	}

	@GetMapping("/role-grants")
	String list(@RequestParam(required = false) String agency, Model model) {
		RoleGrantsPage.View view = page.of(CurrentActor.get(), agency);
		model.addAttribute("agencies", view.agencies());
		model.addAttribute("selected", view.selected());
		model.addAttribute("open", view.open());
		model.addAttribute("recent", view.recent());
		return "identity/role-grants";
	}

	@PostMapping("/role-grants/{id}/confirm")
	String confirm(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return decide(() -> grants.confirm(CurrentActor.get(), id, note), "role-grants.confirmed", redirect);
	}

	@PostMapping("/role-grants/{id}/refuse")
	String refuse(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		return decide(() -> grants.refuse(CurrentActor.get(), id, note), "role-grants.refused", redirect);
	}

	private String decide(Supplier<RoleGrant> decision, String done, RedirectAttributes redirect) {
		return flash.attempt(redirect, "redirect:/role-grants", () -> {
			RoleGrant grant = decision.get();
			flash.notice(redirect, done, grant.username());
			return "redirect:/role-grants?agency=" + grant.agency();
		});
	}
}
