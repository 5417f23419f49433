package org.custodia.web;

import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * Resolves a message whose arguments may themselves be message keys (such as {@code role.chief}), or
 * several roles any of whom will do ({@code role.chief|role.leader-in-charge}: 主要负责人或分管领导).
 */
final class Messages {

	private Messages() {
	}

	static String resolve(MessageSource messages, String key, Object[] arguments, Locale locale) {
		Object[] resolved = new Object[arguments.length];
		for (int i = 0; i < arguments.length; i++) {
			Object argument = arguments[i];
			if (argument instanceof String text && text.matches("^role\\.[a-z-]+(\\|role\\.[a-z-]+)+$")) {
				resolved[i] = String.join(messages.getMessage("word.or", null, " / ", locale),
						java.util.Arrays.stream(text.split("\\|")).map(role -> messages.getMessage(role, null, role, locale)).toList());
				continue;
			}
			if (argument instanceof String text && text.matches("^(access\\.[a-z]+|document)\\.[a-z-]+(\\|(access\\.[a-z]+|document)\\.[a-z-]+)*$")) {
				// a list of things named by key: the documents still missing, a requester and a use
				resolved[i] = String.join(messages.getMessage("word.list-separator", null, ", ", locale),
						java.util.Arrays.stream(text.split("\\|")).map(item -> messages.getMessage(item, null, item, locale)).toList());
				continue;
			}
			resolved[i] = argument instanceof String text && text.matches("^(role|rule|status)\\.[a-z-]+$")
					? messages.getMessage(text, null, text, locale) : argument;
		}
		return messages.getMessage(key, resolved, key, locale);
	}
}
