package org.custodia.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;

/**
 * One event to be appended: who did what to which subject, in which agency.
 *
 * @param agency the agency the subject belongs to, null for installation-wide events
 * @param actor the user name, or the name of the system job (e.g. {@code system:bootstrap})
 * @param actorRoles the roles the actor acted in, comma-separated, may be empty
 * @param action a stable dotted name such as {@code auth.login-failed} or {@code recording.ingested}
 * @param subjectType the kind of thing acted on, such as {@code user}
 * @param subjectId its id
 * @param payload details; never passwords or token secrets
 */
public record LedgerEvent(String agency, String actor, String actorRoles, String action, String subjectType,
		String subjectId, Map<String, Object> payload) {

	private static final java.util.regex.Pattern ACTION = java.util.regex.Pattern.compile("[a-z]+(\\.[a-z][a-z-]*)+");

	public LedgerEvent {
		Objects.requireNonNull(actor, "actor == null");
		Objects.requireNonNull(action, "action == null");
		Objects.requireNonNull(subjectType, "subjectType == null");
		Objects.requireNonNull(subjectId, "subjectId == null");
		if (!ACTION.matcher(action).matches()) {
			throw new IllegalArgumentException("action must be a dotted lower-case name: " + action);
		}
		payload = payload == null ? Map.of() : new TreeMap<>(payload);
		actorRoles = actorRoles == null ? "" : actorRoles;
	}

	/** An event done by a signed-in user, in the roles the user holds. */
	public static LedgerEvent by(Actor actor, String agency, String action, String subjectType, String subjectId,
			Map<String, Object> payload) {
		String roles = actor.roles().stream().map(Role::code).sorted().collect(Collectors.joining(","));
		return new LedgerEvent(agency, actor.username(), roles, action, subjectType, subjectId, payload);
	}

	/** An event done by the system itself, named like {@code system:bootstrap}. */
	public static LedgerEvent bySystem(String job, String agency, String action, String subjectType, String subjectId,
			Map<String, Object> payload) {
		return new LedgerEvent(agency, "system:" + job, "", action, subjectType, subjectId, payload);
	}
}
