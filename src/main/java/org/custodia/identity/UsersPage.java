package org.custodia.identity;

import java.util.List;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's page of users: the agencies he may choose from, and the chosen one's users and units. */
@Component
public class UsersPage {

	/** {@code users} and {@code units} are null while no agency is chosen (an installation without agencies). */
	public record View(List<AgencyView> agencies, String selected, List<Role> roles, List<UnitKind> unitKinds,
			List<UserView> users, List<UnitView> units) {
	}

	private final Agencies agencies;

	private final Users users;

	UsersPage(Agencies agencies, Users users) {
		this.agencies = agencies;
		this.users = users;
	}

	/** The page for the agency asked for, else the actor's own, else the first he may see. */
	@Transactional(readOnly = true)
	public View of(Actor actor, String agency) {
		List<AgencyView> visible = agencies.visibleTo(actor);
		String selected = agency != null ? agency : actor.agency().orElse(visible.isEmpty() ? null : visible.get(0).code());
		return new View(visible, selected, List.of(Role.values()), List.of(UnitKind.values()),
				selected == null ? null : users.list(actor, selected), selected == null ? null : agencies.units(actor, selected));
	}
}
