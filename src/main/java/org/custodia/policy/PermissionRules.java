package org.custodia.policy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.custodia.shared.Role;

/**
 * An agency's {@code permissions} resolved for deciding: roles, relations and approvers as types, and
 * every {@code from} replaced by the rule it points to. Evaluates a rule for a user's roles and facts.
 */
final class PermissionRules {

	static final String ANYONE = "anyone";

	static final String NONE = "none";

	/** The refusal of a use the agency's access matrix does not provide for (ACC-1). */
	static final String NOT_PROVIDED_FOR = "not-provided-for";

	static final String RETENTION_NOT_SET = "retention-not-set";

	/** Nothing is disposed of where the regulation wants footage kept complete and the agency decided no period. */
	static final String RETENTION_KEPT_COMPLETE = "retention-kept-complete";

	/** A condition on the agency's settings rather than on the user. */
	enum Precondition {

		/** Nothing is disposed of while the agency's retention period is open (RET-1). */
		RETENTION_PERIOD_SET;

		String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

		static Optional<Precondition> fromCode(String code) {
			return Arrays.stream(values()).filter(value -> value.code().equals(code)).findFirst();
		}
	}

	/**
	 * @param roles the roles it reaches; empty with {@code anyone}
	 * @param relations one of them must hold; empty when none is asked
	 * @param approvers who approves (the first is asked); empty when nobody need approve
	 */
	record Grant(boolean anyone, Set<Role> roles, Set<Relation> relations, List<Role> approvers, String rule) {

		boolean reaches(Set<Role> held, Facts facts) {
			return (anyone || held.stream().anyMatch(roles::contains))
					&& (relations.isEmpty() || relations.stream().anyMatch(facts::holds));
		}
	}

	record Rule(Action action, Precondition requires, String rule, boolean assumed, String cite, List<Grant> grants) {

		Decision decide(Set<Role> held, Facts facts, Function<String, RetentionPeriods.Effective> retention,
				String agencyCode) {
			if (requires == Precondition.RETENTION_PERIOD_SET) {
				RetentionPeriods.Effective period = retention.apply(agencyCode);
				if (period.keptWithoutEnd()) {
					return Decision.refused(RETENTION_KEPT_COMPLETE, period.cite());
				}
				if (period.months().isEmpty()) {
					return Decision.refused(RETENTION_NOT_SET, period.cite());
				}
			}
			for (Grant grant : grants) {
				if (grant.reaches(held, facts)) {
					if (grant.approvers().isEmpty() || grant.approvers().stream().anyMatch(held::contains)) {
						return Decision.allowed(grant.rule(), cite, assumed);
					}
					return Decision.needsApproval(grant.approvers(), grant.rule(), cite, assumed);
				}
			}
			return Decision.refused(rule, cite);
		}
	}

	private PermissionRules() {
	}

	static Map<Action, Rule> of(AgencyPolicy policy) {
		Map<Action, Rule> rules = new EnumMap<>(Action.class);
		for (Permission permission : policy.permissions()) {
			Action action = Action.fromCode(permission.action());
			rules.put(action, permission.from() == null ? written(action, permission) : referred(action, permission, policy));
		}
		return rules;
	}

	private static Rule written(Action action, Permission permission) {
		Precondition requires = permission.requires() == null ? null
				: Precondition.fromCode(permission.requires()).orElseThrow();
		return new Rule(action, requires, permission.rule(), permission.assumed(), permission.cite(),
				permission.grants().stream().map(grant -> grant(grant, permission.rule())).toList());
	}

	private static Grant grant(Permission.Grant grant, String permissionRule) {
		boolean anyone = grant.roles().contains(ANYONE);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		grant.roles().stream().filter(code -> !ANYONE.equals(code)).map(Role::fromCode).forEach(roles::add);
		Set<Relation> relations = EnumSet.noneOf(Relation.class);
		relations(grant.relation()).stream().map(Relation::fromCode).forEach(relations::add);
		List<Role> approvers = approvers(grant.approver());
		return new Grant(anyone, roles, relations, approvers, grant.rule() == null ? permissionRule : grant.rule());
	}

	/** The roles of {@code chief | leader-in-charge}, any of whom approves; none for {@code none}. */
	static List<Role> approvers(String approver) {
		return NONE.equals(approver) ? List.of() : relations(approver).stream().map(Role::fromCode).toList();
	}

	/** The relations of {@code activity-participant | …}; none for null. */
	static List<String> relations(String relation) {
		return relation == null ? List.of() : Arrays.stream(relation.split("\\|")).map(String::strip).toList();
	}

	/** A rule the file states elsewhere, in the shape of a permission. */
	private static Rule referred(Action action, Permission permission, AgencyPolicy policy) {
		References.Target target = References.parse(permission.from()).orElseThrow();
		return switch (target.kind()) {
			case ACCESS_USE -> accessUse(action, permission, policy, target);
			case PUBLIC_USE -> {
				AccessRules.PublicUse rule = policy.access().publicUse();
				List<Role> approvers = rule.approvers().stream().filter(code -> !NONE.equals(code)).map(Role::fromCode).toList();
				yield new Rule(action, null, permission.rule(), rule.assumed(), rule.cite(),
						List.of(new Grant(true, Set.of(), Set.of(), approvers, permission.rule())));
			}
			case WORK_RECORD_REVIEWER -> {
				AgencyPolicy.WorkRecord record = policy.recording().mayStop().workRecord();
				yield new Rule(action, null, permission.rule(), permission.assumed(), record.cite(),
						List.of(new Grant(false, EnumSet.of(Role.fromCode(record.reviewer())), Set.of(), List.of(), permission.rule())));
			}
		};
	}

	/** A use of the access matrix; the file refuses what it does not provide for (ACC-1). */
	private static Rule accessUse(Action action, Permission permission, AgencyPolicy policy, References.Target target) {
		Optional<AccessRules.Use> use = policy.access().requesters().stream()
			.filter(requester -> requester.kind().equals(target.requester()))
			.flatMap(requester -> requester.uses().stream())
			.filter(candidate -> candidate.use().equals(target.use()))
			.findFirst();
		if (use.isEmpty()) {
			return new Rule(action, null, NOT_PROVIDED_FOR, false, policy.access().originalsImmutable().cite(), List.of());
		}
		List<Role> approvers = approvers(use.get().approver());
		return new Rule(action, null, permission.rule(), use.get().assumed(), use.get().cite(),
				List.of(new Grant(true, Set.of(), Set.of(), approvers, permission.rule())));
	}

	/** What {@code from} may point to. */
	static final class References {

		enum Kind {
			ACCESS_USE, PUBLIC_USE, WORK_RECORD_REVIEWER
		}

		record Target(Kind kind, String requester, String use) {
		}

		private static final Pattern ACCESS_USE = Pattern.compile("^access\\.requesters\\.([a-z-]+)\\.([a-z-]+)$");

		static final List<String> FORMS = List.of("access.requesters.<kind>.<use>", "access.publicUse",
				"recording.mayStop.workRecord");

		private References() {
		}

		static Optional<Target> parse(String from) {
			if ("access.publicUse".equals(from)) {
				return Optional.of(new Target(Kind.PUBLIC_USE, null, null));
			}
			if ("recording.mayStop.workRecord".equals(from)) {
				return Optional.of(new Target(Kind.WORK_RECORD_REVIEWER, null, null));
			}
			Matcher matcher = ACCESS_USE.matcher(from);
			if (matcher.matches()) {
				return Optional.of(new Target(Kind.ACCESS_USE, matcher.group(1), matcher.group(2)));
			}
			return Optional.empty();
		}
	}
}
