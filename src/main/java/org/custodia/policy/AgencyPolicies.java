package org.custodia.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;

/**
 * An agency's policy as its users may read it: the rules in force with their citations and what needs
 * attention, and the answer to "may a user holding role R do A here, with whose approval?".
 */
@Component
public class AgencyPolicies {

	/** The policy in force: the file's rules, where the file comes from, and what needs attention. */
	public record EffectivePolicy(String agency, String source, RetentionPeriods.Effective retention, List<String> warnings,
			AgencyPolicy policy) {
	}

	private final Policies policies;

	private final RetentionPeriods retention;

	private final PolicyDecisions decisions;

	AgencyPolicies(Policies policies, RetentionPeriods retention, PolicyDecisions decisions) {
		this.policies = policies;
		this.retention = retention;
		this.decisions = decisions;
	}

	public EffectivePolicy effective(Actor actor, String code) {
		decisions.decide(actor, Action.SEE_AGENCY, code).orThrow();
		RetentionPeriods.Effective period = retention.effective(code);
		List<String> warnings = new ArrayList<>();
		if (period.needsAdministrator()) {
			warnings.add("retention-unset");
		}
		return new EffectivePolicy(code, policies.isOverridden(code) ? "data-directory" : "built-in", period, warnings,
				policies.of(code));
	}

	/** What a user holding {@code role} in this agency may do: allowed, with whose approval, or refused, and why. */
	public Decision decision(Actor actor, String code, String role, String action) {
		decisions.decide(actor, Action.SEE_AGENCY, code).orThrow();
		Role asRole;
		Action asAction;
		try {
			asRole = Role.fromCode(role);
			asAction = Action.valueOf(action.toUpperCase().replace('-', '_'));
		}
		catch (IllegalArgumentException e) {
			throw CustodiaException.badRequest("error.decision-arguments", role, action);
		}
		return decisions.decide(new RoleHolder(code, Set.of(asRole)), asAction, code);
	}
}
