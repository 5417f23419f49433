package org.custodia.identity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person moves to another unit, or leaves the agency. Both are an administrator's, with the reason, each a ledger
 * entry. What hangs on where he works ends with it: an approval to watch or copy is held by a person in his unit
 * (ACC: a person who leaves or changes unit loses his grants at once), and one who left signs in no more.
 */
@Component
public class StaffChanges {

	public record Move(UUID unitId, String reason) {
	}

	public record Departure(String reason) {
	}

	private final UserRepository users;

	private final AgencyRepository agencies;

	private final PolicyDecisions decisions;

	private final ApiTokens tokens;

	private final Users views;

	private final Ledger ledger;

	StaffChanges(UserRepository users, AgencyRepository agencies, PolicyDecisions decisions, ApiTokens tokens,
			Users views, Ledger ledger) {
		this.users = users;
		this.agencies = agencies;
		this.decisions = decisions;
		this.tokens = tokens;
		this.views = views;
		this.ledger = ledger;
	}

	@Transactional
	public UserView moveToUnit(Actor actor, UUID userId, UUID unitId, String reason) {
		UserAccount user = managed(actor, userId);
		String why = reason(reason);
		if (unitId == null || agencies.units(user.agencyCode()).stream().noneMatch(unit -> unit.id().equals(unitId))) {
			throw CustodiaException.badRequest("error.unit-unknown", unitId);
		}
		if (unitId.equals(user.unitId())) {
			return views.get(actor, userId);
		}
		users.updateUnit(userId, unitId);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("username", user.username());
		entry.put("from", user.unitId() == null ? "-" : user.unitId().toString());
		entry.put("to", unitId.toString());
		entry.put("reason", why);
		ledger.append(LedgerEvent.by(actor, user.agencyCode(), "user.unit-changed", "user", userId.toString(), entry));
		return views.get(actor, userId);
	}

	@Transactional
	public UserView depart(Actor actor, UUID userId, String reason) {
		UserAccount user = managed(actor, userId);
		String why = reason(reason);
		if (user.userId().equals(actor.userId())) {
			throw CustodiaException.badRequest("error.depart-self");
		}
		if (!user.enabled()) {
			return views.get(actor, userId);
		}
		users.disable(userId);
		users.endSessions(userId);
		int revoked = tokens.revokeAllOf(userId);
		ledger.append(LedgerEvent.by(actor, user.agencyCode(), "user.departed", "user", userId.toString(),
				Map.of("username", user.username(), "reason", why, "sessionsEnded", true, "tokensRevoked", revoked)));
		return views.get(actor, userId);
	}

	private UserAccount managed(Actor actor, UUID userId) {
		UserAccount user = users.findById(userId)
			.filter(found -> found.agencyCode() != null && actor.belongsTo(found.agencyCode()))
			.orElseThrow(() -> CustodiaException.notFound("error.user-not-found", userId));
		decisions.decide(actor, Action.MANAGE_USERS, user.agencyCode()).orThrow();
		return user;
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > 1000) {
			throw CustodiaException.badRequest("error.staff-change-reason");
		}
		return reason.strip();
	}
}
