package org.custodia.identity;

import java.util.UUID;

import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who may confirm or refuse a role grant: a holder of the agency's confirming role whose own role is
 * confirmed. While the agency has no such holder but the user himself (its first chief, say), also
 * another administrator account than the one who asked, or a confirmed legal head of the agency (the
 * supervising legal department). Never the user himself, never who asked.
 */
@Component
class RoleGrantDeciders {

	private final UserRepository users;

	private final RoleGrantRepository grants;

	private final Policies policies;

	RoleGrantDeciders(UserRepository users, RoleGrantRepository grants, Policies policies) {
		this.users = users;
		this.grants = grants;
		this.policies = policies;
	}

	AgencyPolicy.Accounts rule(String agency) {
		return policies.of(agency).accounts();
	}

	/** Whether someone other than the user holds the agency's confirming role, confirmed. */
	boolean someoneConfirms(String agency, UUID except) {
		return users.holding(agency, rule(agency).confirmingRole())
			.stream()
			.anyMatch(holder -> !holder.userId().equals(except) && confirmed(holder.userId()));
	}

	boolean mayDecide(Actor actor, RoleGrantRepository.Row grant) {
		if (!grant.state().open() || !actor.belongsTo(grant.agency()) || actor.userId().equals(grant.userId())
				|| actor.userId().equals(grant.requestedById())) {
			return false;
		}
		Role confirming = rule(grant.agency()).confirmingRole();
		boolean confirmedHere = actor.agency().isPresent() && confirmed(actor.userId());
		if (confirmedHere && actor.has(confirming)) {
			return true;
		}
		boolean nobodyHereConfirms = grant.state() == RoleGrant.State.UNCONFIRMED
				|| !someoneConfirms(grant.agency(), grant.userId());
		return nobodyHereConfirms && (actor.has(Role.ADMINISTRATOR) || confirmedHere && actor.has(Role.LEGAL_HEAD));
	}

	/** Holds his roles confirmed: he is not under a grant nobody could confirm. */
	boolean confirmed(UUID userId) {
		return grants.openOf(userId).filter(grant -> grant.state() == RoleGrant.State.UNCONFIRMED).isEmpty();
	}
}
