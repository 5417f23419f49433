package org.custodia.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** Resolves a message whose arguments may themselves be message keys (such as {@code role.chief}). */
final class Messages {

	private Messages() {
	}

	static String resolve(MessageSource messages, String key, Object[] arguments, Locale locale) {
		Object[] resolved = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			Object argument = arguments[i];
			resolved[i] = argument instanceof String text && text.matches("^(role|rule|status)\\.[a-z-]+$")
					? messages.getMessage(text, null, text, locale) : argument;
		}
		return messages.getMessage(key, resolved, key, locale);
	}
}
