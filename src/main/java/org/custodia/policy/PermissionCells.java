package org.custodia.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.custodia.shared.Role;

/**
 * The policy page's permission matrix: one row per action, one cell per agency saying who may act, on
 * which relation, with whose approval, and the article. Read from the resolved rules, so a permission
 * that takes its grants from the access matrix shows them too.
 */
final class PermissionCells {

	private final PolicyComparison page;

	private final List<Map<Action, PermissionRules.Rule>> rules;

	PermissionCells(PolicyComparison page, List<AgencyPolicy> policies) {
		this.page = page;
		this.rules = policies.stream().map(PermissionRules::of).toList();
	}

	PolicyComparison.Section section() {
		List<PolicyComparison.Row> rows = new ArrayList<>();
		for (Action action : Action.values()) {
			rows.add(new PolicyComparison.Row(page.msg("action." + action.code()),
					rules.stream().map(agency -> cell(agency.get(action))).toList()));
		}
		return new PolicyComparison.Section(page.msg("policy.section.permissions"), rows);
	}

	private PolicyComparison.Cell cell(PermissionRules.Rule rule) {
		List<String> lines = new ArrayList<>();
		if (rule.requires() != null) {
			lines.add(page.msg("policy.permission.requires." + rule.requires().code()));
		}
		for (PermissionRules.Grant grant : rule.grants()) {
			lines.add(who(grant) + "：" + (grant.approvers().isEmpty() ? page.msg("policy.no-approval")
					: page.msg("policy.approved-by", String.join(" / ", grant.approvers().stream().map(this::role).toList()))));
		}
		if (rule.grants().isEmpty()) {
			lines.add(page.msg(PermissionRules.NOT_PROVIDED_FOR.equals(rule.rule()) ? "policy.not-provided" : "policy.permission.nobody"));
		}
		if (rule.assumed()) {
			lines.set(lines.size() - 1, lines.get(lines.size() - 1) + page.msg("policy.assumed"));
		}
		return new PolicyComparison.Cell(lines, page.cites(List.of(rule.cite())));
	}

	private String who(PermissionRules.Grant grant) {
		String roles = grant.anyone() ? page.msg("role.anyone")
				: String.join("、", grant.roles().stream().map(this::role).toList());
		if (grant.relations().isEmpty()) {
			return roles;
		}
		return page.msg("policy.permission.relation", roles,
				String.join(" / ", grant.relations().stream().map(relation -> page.msg("relation." + relation.code())).toList()));
	}

	private String role(Role role) {
		return page.msg("role." + role.code());
	}
}
