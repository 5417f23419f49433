package org.custodia.identity;

import java.util.List;

import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The page 角色确认: an agency's open role grants, and the latest decided ones. */
@Component
public class RoleGrantsPage {

	public record View(List<AgencyView> agencies, String selected, List<RoleGrant> open, List<RoleGrant> recent) {
	}

	private final Agencies agencies;

	private final RoleGrants grants;

	RoleGrantsPage(Agencies agencies, RoleGrants grants) {
		this.agencies = agencies;
		this.grants = grants;
	}

	/** The agency asked for, else the actor's own; the installation administrator without one sees every open grant. */
	@Transactional(readOnly = true)
	public View of(Actor actor, String agency) {
		String selected = agency != null ? agency : actor.agency().orElse(null);
		return new View(agencies.visibleTo(actor), selected, grants.list(actor, selected, false), selected == null ? List.of()
				: grants.list(actor, selected, true).stream().filter(grant -> !grant.state().open()).toList());
	}
}
