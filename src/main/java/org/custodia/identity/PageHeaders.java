package org.custodia.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.custodia.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the header and navigation of every page show about the signed-in user. */
@Component
public class PageHeaders {

	/**
	 * Who is signed in, in which agency and unit, in which roles (their codes). {@code unconfirmed}: the users
	 * of the agency who hold a role nobody there could confirm yet, shown on every page until someone does.
	 */
	public record CurrentUser(UUID id, String username, String displayName, String agencyCode, String agencyName,
			String unitName, List<String> roles, boolean administrator, boolean auditor, boolean custodian, boolean officer,
			String locale, List<RoleGrant> unconfirmed) {
	}

	private final AgencyRepository agencies;

	private final RoleGrants grants;

	PageHeaders(AgencyRepository agencies, RoleGrants grants) {
		this.agencies = agencies;
		this.grants = grants;
	}

	/** The header of a signed-in user; empty for anyone else (the login page). */
	@Transactional(readOnly = true)
	public Optional<CurrentUser> of(Object principal) {
		if (!(principal instanceof UserAccount user)) {
			return Optional.empty();
		}
		String agencyName = user.agencyCode() == null ? null
				: agencies.agency(user.agencyCode()).map(AgencyView::nameZh).orElse(user.agencyCode());
		String unitName = user.unitId() == null ? null : agencies.unit(user.unitId()).map(UnitView::nameZh).orElse(null);
		return Optional.of(new CurrentUser(user.userId(), user.username(), user.displayName(), user.agencyCode(),
				agencyName, unitName, user.roles().stream().map(Role::code).sorted().toList(), user.has(Role.ADMINISTRATOR),
				user.has(Role.ADMINISTRATOR) || user.has(Role.SUPERVISOR), user.has(Role.CUSTODIAN), user.has(Role.OFFICER),
				user.locale(), grants.unconfirmed(user)));
	}
}
