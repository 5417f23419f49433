package org.custodia.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.custodia.identity.PageHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the header's facts: who is signed in, in which agency and unit, in which roles. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	private final PageHeaders headers;

	CurrentUserAdvice(PageHeaders headers) {
		this.headers = headers;
	}

	@ModelAttribute("currentUser")
	PageHeaders.CurrentUser currentUser(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || authentication == null) {
			return null;
		}
		return headers.of(authentication.getPrincipal()).orElse(null);
	}
}
