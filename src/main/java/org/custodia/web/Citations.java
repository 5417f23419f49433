package org.custodia.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How a rule's citation reads on a page: an article stays as it is ("002 art. 14"); Custodia's own
 * default, where the regulation is silent, is named as such in the reader's language. Templates use
 * it as {@code ${@citations.display(cite)}}.
 */
@Component("citations")
public class Citations {

	private final MessageSource messages;

	Citations(MessageSource messages) {
		this.messages = messages;
	}

	public String display(String cite) {
		if (cite == null || !cite.startsWith("custodia: ")) {
			return cite;
		}
		return messages.getMessage("policy.custodia-default", new Object[] { cite.substring("custodia: ".length()) },
				cite, LocaleContextHolder.getLocale());
	}
}
