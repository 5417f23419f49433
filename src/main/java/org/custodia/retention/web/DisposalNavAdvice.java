package org.custodia.retention.web;

import jakarta.servlet.http.HttpServletRequest;

import org.custodia.retention.Disposals;
import org.custodia.shared.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every page whether to link the disposals page: for those who may propose or approve disposals. */
@ControllerAdvice(annotations = Controller.class)
class DisposalNavAdvice {

	private final Disposals disposals;

	DisposalNavAdvice(Disposals disposals) {
		this.disposals = disposals;
	}

	@ModelAttribute("mayDispose")
	boolean mayDispose(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || authentication == null
				|| !(authentication.getPrincipal() instanceof Actor actor) || actor.agency().isEmpty()) {
			return false;
		}
		String agency = actor.agency().get();
		return disposals.mayPropose(actor, agency) || disposals.mayApprove(actor, agency);
	}
}
