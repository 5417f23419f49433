package org.custodia.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.custodia.shared.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the header's facts: who is signed in, in which agency and unit, in which roles. */
@ControllerAdvice(annotations = Controller.class)
class CurrentUserAdvice {

	/**
	 * What the page header and navigation show. {@code unconfirmed}: the users of the agency who hold a
	 * role nobody there could confirm yet, shown on every page until someone does.
	 */
	record CurrentUser(java.util.UUID id, String username, String displayName, String agencyCode, String agencyName,
			String unitName, List<String> roles, boolean administrator, boolean auditor, boolean custodian, boolean officer,
			String locale, List<RoleGrant> unconfirmed) {
	}

	private final AgencyRepository agencies;

	private final RoleGrants grants;

	CurrentUserAdvice(AgencyRepository agencies, RoleGrants grants) {
		this.agencies = agencies;
		this.grants = grants;
	}

	@ModelAttribute("currentUser")
	CurrentUser currentUser(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/") || authentication == null || !(authentication.getPrincipal() instanceof UserAccount user)) {
			return null;
		}
		String agencyName = user.agencyCode() == null ? null
				: agencies.agency(user.agencyCode()).map(AgencyView::nameZh).orElse(user.agencyCode());
		String unitName = user.unitId() == null ? null
				: agencies.unit(user.unitId()).map(UnitView::nameZh).orElse(null);
		return new CurrentUser(user.userId(), user.username(), user.displayName(), user.agencyCode(), agencyName, unitName,
				user.roles().stream().map(Role::code).sorted().toList(), user.has(Role.ADMINISTRATOR),
				user.has(Role.ADMINISTRATOR) || user.has(Role.SUPERVISOR), user.has(Role.CUSTODIAN), user.has(Role.OFFICER),
				user.locale(), grants.unconfirmed(user));
	}
}
