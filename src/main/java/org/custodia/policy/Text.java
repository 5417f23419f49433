package org.custodia.policy;

import java.util.Locale;

import jakarta.validation.constraints.NotBlank;

/** A text shown to users, in Simplified Chinese and English. */
public record Text(@NotBlank String zh, @NotBlank String en) {

	public String in(Locale locale) {
		return "en".equals(locale.getLanguage()) ? en : zh;
	}
}
