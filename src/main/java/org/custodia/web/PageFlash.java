package org.custodia.web;

import java.util.Locale;
import java.util.function.Supplier;

import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a page says after one of its forms, on the page the browser is sent to: the notice of what was
 * done, or the refusal in the user's language with the rule behind it. Every page says a refusal the
 * same way.
 */
@Component
public class PageFlash {

	private final MessageSource messages;

	private final Citations citations;

	PageFlash(MessageSource messages, Citations citations) {
		this.messages = messages;
		this.citations = citations;
	}

	/**
	 * Runs a form's action and returns where it leads; a refusal leads to {@code onRefusal}, saying why, with
	 * the rule's citation apart ({@code errorCite}) so the page shows it as a citation.
	 */
	public String attempt(RedirectAttributes redirect, String onRefusal, Supplier<String> action) {
		try {
			return action.get();
		}
		catch (CustodiaException refusal) {
			redirect.addFlashAttribute("error", message(refusal));
			if (refusal.citation() != null) {
				redirect.addFlashAttribute("errorCite", citations.display(refusal.citation()));
			}
			return onRefusal;
		}
	}

	public void notice(RedirectAttributes redirect, String key, Object... arguments) {
		redirect.addFlashAttribute("notice", messages.getMessage(key, arguments, LocaleContextHolder.getLocale()));
	}

	/**
	 * A refusal as a page says it: the message with its role, rule and status arguments in words, then the
	 * rule's citation in brackets (Custodia's own defaults named as such, not in their English wording).
	 */
	public String describe(CustodiaException refusal) {
		String text = message(refusal);
		return refusal.citation() == null ? text : text + "（" + citations.display(refusal.citation()) + "）";
	}

	private String message(CustodiaException refusal) {
		Locale locale = LocaleContextHolder.getLocale();
		return Messages.resolve(messages, refusal.messageKey(), refusal.arguments(), locale);
	}
}
