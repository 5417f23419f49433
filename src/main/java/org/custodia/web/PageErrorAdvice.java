package org.custodia.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refusal or a missing thing on a page: a friendly page in the user's language, with the rule. */
@ControllerAdvice(annotations = Controller.class)
class PageErrorAdvice {

	private final MessageSource messages;

	PageErrorAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(CustodiaException.class)
	ModelAndView handle(CustodiaException exception, HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		response.setStatus(exception.status().value());
		ModelAndView page = new ModelAndView("error");
		page.setStatus(exception.status());
		page.addObject("status", exception.status().value());
		page.addObject("detail", Messages.resolve(messages, exception.messageKey(), exception.arguments(), locale));
		page.addObject("rule", exception.citation());
		return page;
	}
}
