package org.custodia.identity.web;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.custodia.identity.ApiTokens;
import org.custodia.identity.IssuedToken;
import org.custodia.identity.PasswordChanges;
import org.custodia.identity.Users;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.custodia.web.PageFlash;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password, language and API tokens. */
@Controller
class AccountController {

	private final Users users;

	private final PasswordChanges passwords;

	private final ApiTokens tokens;

	private final PageFlash flash;

	AccountController(Users users, PasswordChanges passwords, ApiTokens tokens, PageFlash flash) {
		this.users = users;
		this.passwords = passwords;
		this.tokens = tokens;
		this.flash = flash;
	}

	@GetMapping("/account")
	String account(Model model) {
		model.addAttribute("tokens", tokens.list(CurrentActor.get()));
		return "identity/account";
	}

	@GetMapping("/account/password")
	String passwordForm() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(@RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Model model, RedirectAttributes redirect,
			HttpServletRequest request) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw CustodiaException.badRequest("error.password-confirmation");
			}
			int generation = passwords.change(CurrentActor.get(), currentPassword, newPassword);
			// This session goes on; every other one of the user has ended with the change.
			request.getSession().setAttribute(PasswordChanges.SESSION_GENERATION, generation);
		}
		catch (CustodiaException e) {
			model.addAttribute("error", flash.describe(e));
			return "identity/password";
		}
		flash.notice(redirect, "account.password-changed");
		return "redirect:/";
	}

	@PostMapping("/account/locale")
	String changeLocale(@RequestParam String locale, @RequestParam(defaultValue = "/") String back,
			HttpServletRequest request) {
		users.changeLocale(CurrentActor.get(), locale);
		request.getSession().setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
				Locale.forLanguageTag(locale));
		boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
		return "redirect:" + (local ? back : "/");
	}

	@PostMapping("/account/tokens")
	String issueToken(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "30") int days,
			RedirectAttributes redirect) {
		IssuedToken issued = tokens.issue(CurrentActor.get(), name, Duration.ofDays(days));
		redirect.addFlashAttribute("issuedToken", issued);
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(@PathVariable UUID id) {
		tokens.revoke(CurrentActor.get(), id);
		return "redirect:/account";
	}
}
