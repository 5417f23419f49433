package org.custodia.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides whether a user may do an action on a record of an agency and who must approve, from the
 * agency's {@code permissions}. Every module decides only through here, so every decision carries its
 * rule and citation; this class holds no role of its own, only the two guards every agency shares.
 */
@Component
public class PolicyDecisions {

	public static final String TENANT_ISOLATION = "custodia: tenant isolation (each agency sees only its own records)";

	public static final String SEPARATION_OF_DUTIES = "custodia: separation of duties (the administrator manages accounts, sees no footage and deletes nothing)";

	private final Policies policies;

	private final Function<String, RetentionPeriods.Effective> retention;

	private final Map<String, Map<Action, PermissionRules.Rule>> rules = new LinkedHashMap<>();

	@Autowired
	PolicyDecisions(Policies policies, RetentionPeriods retention) {
		this(policies, retention::effective);
	}

	PolicyDecisions(Policies policies, Function<String, RetentionPeriods.Effective> retention) {
		this.policies = policies;
		this.retention = retention;
		policies.all().forEach(policy -> rules.put(policy.code(), PermissionRules.of(policy)));
	}

	/**
	 * Decides for a record (or the users and settings) of the given agency. The administrator is
	 * refused footage before any agency is looked at; an unknown agency is a 404.
	 */
	public Decision decide(Actor actor, Action action, String agencyCode) {
		return decide(actor, action, agencyCode, Facts.none());
	}

	/** Decides with what the caller knows of how the user stands to the record (his own recording, …). */
	public Decision decide(Actor actor, Action action, String agencyCode, Facts facts) {
		if (action.touchesFootage() && actor.has(Role.ADMINISTRATOR)) {
			return Decision.refused(Decision.ADMINISTRATOR_NO_FOOTAGE, SEPARATION_OF_DUTIES);
		}
		policies.of(agencyCode);
		if (!actor.belongsTo(agencyCode)) {
			return Decision.refused(Decision.TENANT_ISOLATION, TENANT_ISOLATION);
		}
		return rules.get(agencyCode).get(action).decide(actor.roles(), facts, retention, agencyCode);
	}

	/**
	 * Decides for another user of the agency than the one asking, who holds these roles: the officer a
	 * device is issued to, the reviewer named in a work record.
	 */
	public Decision decideFor(String agencyCode, Set<Role> roles, Action action) {
		return decide(new RoleHolder(agencyCode, roles), action, agencyCode);
	}

	/**
	 * Decides an action on what every agency shares (the ledger): a user of an agency by his agency's
	 * policy; the installation's administrator only where every agency's policy allows it.
	 */
	public Decision decideAcrossAgencies(Actor actor, Action action) {
		if (actor.agency().isPresent()) {
			return decide(actor, action, actor.agency().get());
		}
		Decision allowed = Decision.refused(Decision.TENANT_ISOLATION, TENANT_ISOLATION);
		for (String agencyCode : rules.keySet()) {
			Decision decision = decide(actor, action, agencyCode);
			if (!decision.isAllowed()) {
				return decision;
			}
			allowed = decision;
		}
		return allowed;
	}
}
