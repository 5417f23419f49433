package org.custodia.policy;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.custodia.shared.Role;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The checks of a policy file's {@code permissions} that its record layout cannot state: known actions,
 * roles, relations and references, every action once, a citation for each rule, and no footage for the
 * administrator. Also fills in the keys a permission may leave out, before the file is bound.
 */
final class PermissionsCheck {

	private static final String ROLES = Arrays.stream(Role.values()).map(Role::code).collect(Collectors.joining(", "));

	private final String fileName;

	private final Node root;

	private PermissionsCheck(String fileName, Node root) {
		this.fileName = fileName;
		this.root = root;
	}

	/**
	 * Gives each permission and grant the keys it left out: no {@code from} or {@code requires}, not
	 * {@code assumed}, no {@code cite} or {@code grants} (refused later where they are needed), no
	 * {@code relation}, approver {@code none}, the permission's {@code rule}.
	 */
	@SuppressWarnings("unchecked")
	static void fillDefaults(Map<?, ?> tree) {
		if (!(tree.get("permissions") instanceof List<?> permissions)) {
			return;
		}
		for (Object entry : permissions) {
			if (entry instanceof Map<?, ?> permission) {
				Map<String, Object> map = (Map<String, Object>) permission;
				map.putIfAbsent("from", null);
				map.putIfAbsent("requires", null);
				map.putIfAbsent("assumed", false);
				map.putIfAbsent("cite", null);
				map.putIfAbsent("grants", List.of());
				if (map.get("grants") instanceof List<?> grants) {
					for (Object grant : grants) {
						if (grant instanceof Map<?, ?> given) {
							((Map<String, Object>) given).putIfAbsent("relation", null);
							((Map<String, Object>) given).putIfAbsent("approver", PermissionRules.NONE);
							((Map<String, Object>) given).putIfAbsent("rule", null);
						}
					}
				}
			}
		}
	}

	static void check(String fileName, Node root, AgencyPolicy policy) {
		new PermissionsCheck(fileName, root).check(policy.permissions());
	}

	private void check(List<Permission> permissions) {
		Map<Action, Integer> seen = new EnumMap<>(Action.class);
		for (int i = 0; i < permissions.size(); i++) {
			Permission permission = permissions.get(i);
			Action action = action(i, permission.action());
			Integer first = seen.putIfAbsent(action, i);
			if (first != null) {
				throw refusal(List.of("permissions", i, "action"), "action '" + permission.action()
						+ "' is given twice (first at line " + line(List.of("permissions", first, "action")) + ")");
			}
			if (permission.from() != null) {
				checkReference(i, permission);
			}
			else {
				checkWritten(i, action, permission);
			}
		}
		for (Action action : Action.values()) {
			if (!seen.containsKey(action)) {
				throw refusal(List.of("permissions"), "no permission for action '" + action.code()
						+ "': every action needs one (grants: [] refuses it to everyone)");
			}
		}
	}

	private Action action(int i, String code) {
		try {
			return Action.fromCode(code);
		}
		catch (IllegalArgumentException e) {
			throw refusal(List.of("permissions", i, "action"), "unknown action '" + code + "'; known: "
					+ Arrays.stream(Action.values()).map(Action::code).collect(Collectors.joining(", ")));
		}
	}

	private void checkReference(int i, Permission permission) {
		PermissionRules.References.Target target = PermissionRules.References.parse(permission.from())
			.orElseThrow(() -> refusal(List.of("permissions", i, "from"), "unknown reference '" + permission.from()
					+ "'; known: " + String.join(", ", PermissionRules.References.FORMS)));
		if (target.kind() == PermissionRules.References.Kind.ACCESS_USE
				&& !(target.requester().matches("^(" + AccessRules.KINDS + ")$") && target.use().matches("^(" + AccessRules.USES + ")$"))) {
			throw refusal(List.of("permissions", i, "from"), "unknown requester or use in '" + permission.from()
					+ "'; requesters: " + AccessRules.KINDS.replace("|", ", ") + "; uses: " + AccessRules.USES.replace("|", ", "));
		}
		if (!permission.grants().isEmpty() || permission.cite() != null || permission.requires() != null) {
			throw refusal(List.of("permissions", i, "from"), "'from' gives the grants and the citation: "
					+ "remove grants, cite and requires from this permission");
		}
	}

	private void checkWritten(int i, Action action, Permission permission) {
		if (permission.cite() == null) {
			throw refusal(List.of("permissions", i, "cite"), "missing cite: the article that says who may do this, "
					+ "or 'custodia: <reason>' where the regulation is silent");
		}
		if (permission.requires() != null && PermissionRules.Precondition.fromCode(permission.requires()).isEmpty()) {
			throw refusal(List.of("permissions", i, "requires"), "unknown precondition '" + permission.requires()
					+ "'; known: " + Arrays.stream(PermissionRules.Precondition.values())
						.map(PermissionRules.Precondition::code).collect(Collectors.joining(", ")));
		}
		for (int g = 0; g < permission.grants().size(); g++) {
			checkGrant(i, g, action, permission.grants().get(g));
		}
	}

	private void checkGrant(int i, int g, Action action, Permission.Grant grant) {
		for (int r = 0; r < grant.roles().size(); r++) {
			String role = grant.roles().get(r);
			List<Object> path = List.of("permissions", i, "grants", g, "roles", r);
			if (PermissionRules.ANYONE.equals(role)) {
				if (grant.roles().size() > 1) {
					throw refusal(path, "'anyone' stands alone: it already reaches every role");
				}
				continue;
			}
			Role known = role(path, role);
			if (known == Role.ADMINISTRATOR && action.touchesFootage()) {
				throw refusal(path, "action '" + action.code() + "' touches footage, which the administrator never does "
						+ "(separation of duties)");
			}
		}
		for (String relation : PermissionRules.relations(grant.relation())) {
			try {
				Relation.fromCode(relation);
			}
			catch (IllegalArgumentException e) {
				throw refusal(List.of("permissions", i, "grants", g, "relation"), "unknown relation '" + relation
						+ "'; known: " + Arrays.stream(Relation.values()).map(Relation::code).collect(Collectors.joining(", "))
						+ " (several joined by ' | ')");
			}
		}
		if (!PermissionRules.NONE.equals(grant.approver())) {
			PermissionRules.relations(grant.approver())
				.forEach(approver -> role(List.of("permissions", i, "grants", g, "approver"), approver));
		}
	}

	private Role role(List<Object> path, String code) {
		try {
			return Role.fromCode(code);
		}
		catch (IllegalArgumentException e) {
			throw refusal(path, "unknown role '" + code + "'; known: " + ROLES + (path.contains("approver") ? ", none"
					: ", anyone"));
		}
	}

	private int line(List<Object> path) {
		return PolicyFileReader.lineOf(root, path);
	}

	private PolicyFileException refusal(List<Object> path, String problem) {
		return new PolicyFileException(fileName, line(path), PolicyFileReader.dotted(path), problem);
	}
}
