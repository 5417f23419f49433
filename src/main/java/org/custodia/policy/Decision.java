package org.custodia.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;

/**
 * The answer to "may this user do this?": allowed, allowed once someone approves, or refused,
 * always with the rule that decided and its citation.
 *
 * @param outcome allowed, needs approval or refused
 * @param approver who must approve when the outcome is {@link Outcome#NEEDS_APPROVAL}: the first of {@code approvers}
 * @param approvers any of whom may approve (004 arts. 13–14, "局领导": the chief or the leader in charge)
 * @param rule a stable name of the rule, also the message key suffix ({@code rule.<rule>})
 * @param citation the article, e.g. {@code 001-access art. 4}
 * @param assumed true where the regulation is silent and Custodia's default decided
 */
public record Decision(Outcome outcome, Role approver, List<Role> approvers, String rule, String citation,
		boolean assumed) {

	public enum Outcome {
		ALLOWED, NEEDS_APPROVAL, REFUSED
	}

	static final String ADMINISTRATOR_NO_FOOTAGE = "administrator-no-footage";

	static final String TENANT_ISOLATION = "tenant-isolation";

	/** The rules every agency shares, written in {@link PolicyDecisions} rather than in a policy file. */
	private static final Set<String> GUARDS = Set.of(ADMINISTRATOR_NO_FOOTAGE, TENANT_ISOLATION);

	static Decision allowed(String rule, String citation, boolean assumed) {
		return new Decision(Outcome.ALLOWED, null, List.of(), rule, citation, assumed);
	}

	static Decision needsApproval(List<Role> approvers, String rule, String citation, boolean assumed) {
		return new Decision(Outcome.NEEDS_APPROVAL, approvers.get(0), List.copyOf(approvers), rule, citation, assumed);
	}

	static Decision refused(String rule, String citation) {
		return new Decision(Outcome.REFUSED, null, List.of(), rule, citation, false);
	}

	public boolean isAllowed() {
		return outcome == Outcome.ALLOWED;
	}

	public Optional<Role> approverRole() {
		return Optional.ofNullable(approver);
	}

	/**
	 * For a decision about someone the actor names rather than the actor (the officer a device is issued
	 * to): where that person's roles fall short the request conflicts with who he is (a 409 naming him);
	 * the administrator's separation of duties and another agency stay a 403.
	 */
	public Decision orRefuseNaming(Object person) {
		if (outcome == Outcome.REFUSED && !GUARDS.contains(rule)) {
			throw CustodiaException.refused("rule." + rule, citation, person);
		}
		return orThrow();
	}

	/** Throws a 403 naming the rule unless the action is allowed outright. */
	public Decision orThrow() {
		if (outcome == Outcome.REFUSED) {
			throw CustodiaException.forbidden("rule." + rule, citation);
		}
		if (outcome == Outcome.NEEDS_APPROVAL) {
			throw CustodiaException.forbidden("rule.needs-approval", citation,
					String.join("|", approvers.stream().map(role -> "role." + role.code()).toList()));
		}
		return this;
	}
}
