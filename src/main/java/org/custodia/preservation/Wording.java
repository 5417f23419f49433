package org.custodia.preservation;

import java.util.List;
import java.util.Locale;

import org.custodia.web.Citations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Words checks in a language: their basis with the figures, terms and citations as that language's pages show them. */
@Component
public class Wording {

	private final MessageSource messages;

	private final Citations citations;

	Wording(MessageSource messages, Citations citations) {
		this.messages = messages;
		this.citations = citations;
	}

	RecordingCheck worded(RecordingCheck check, Locale locale) {
		return check.withChecks(check.checks().stream().map(each -> each.worded(basis(each, locale))).toList());
	}

	String basis(FourCheck check, Locale locale) {
		Object[] arguments = check.figures().stream().map(figure -> word(figure, locale)).toArray();
		return messages.getMessage(check.basisKey(), arguments, check.basisKey(), locale);
	}

	/** A message of this module in the language. */
	public String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, key, locale);
	}

	private Object word(Object figure, Locale locale) {
		if (figure instanceof FourCheck.Term term) {
			return messages.getMessage(term.key(), null, term.key(), locale);
		}
		if (figure instanceof FourCheck.Terms terms) {
			List<String> words = terms.keys().stream().map(key -> messages.getMessage(key, null, key, locale)).toList();
			return String.join("en".equals(locale.getLanguage()) ? ", " : "、", words);
		}
		if (figure instanceof FourCheck.Cite cite) {
			return citations.display(cite.cite(), locale, false);
		}
		return figure;
	}
}
