package org.custodia.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.FootageRoles;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Roles that see footage, given only when a second person confirms them: the administrator asks,
 * the agency's confirming role confirms or refuses; each step is a ledger entry in the same transaction.
 * See {@link RoleGrantDeciders} for who decides, {@link RoleGrant.State} for an agency's first confirmer.
 */
@Component
public class RoleGrants {

	static final int HISTORY = 50;

	/** What a change of roles gave at once, and the grant that holds the rest. */
	record Assigned(Set<Role> held, Optional<RoleGrantRepository.Row> grant, Optional<UUID> superseded) {
	}

	private final RoleGrantRepository grants;

	private final RoleGrantDeciders deciders;

	private final UserRepository users;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	private final Clock clock;

	RoleGrants(RoleGrantRepository grants, RoleGrantDeciders deciders, UserRepository users, PolicyDecisions decisions,
			Ledger ledger, Clock clock) {
		this.grants = grants;
		this.deciders = deciders;
		this.users = users;
		this.decisions = decisions;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Gives an agency's user the target roles, in the caller's transaction: at once those that see no
	 * footage and the footage roles already confirmed; the footage roles it adds wait in a grant. With
	 * {@code reconfirmAll} (a password reset) every footage role is asked again. A grant still open for
	 * the user is superseded.
	 */
	Assigned assign(Actor requester, UserAccount user, Set<Role> target, RoleGrant.Reason reason, boolean reconfirmAll) {
		Optional<RoleGrantRepository.Row> open = grants.openOf(user.userId());
		Set<Role> confirmed = copy(user.roles());
		open.filter(grant -> grant.state() == RoleGrant.State.UNCONFIRMED).ifPresent(grant -> confirmed.removeAll(grant.added()));
		if (reconfirmAll) {
			confirmed.removeAll(FootageRoles.ROLES);
		}
		Set<Role> added = FootageRoles.among(target);
		added.removeAll(confirmed);
		Instant now = clock.instant();
		open.ifPresent(grant -> grants.close(grant.id(), RoleGrant.State.SUPERSEDED, requester.username(),
				requester.userId(), now, null));
		Optional<UUID> superseded = open.map(RoleGrantRepository.Row::id);
		if (added.isEmpty()) {
			users.replaceRoles(user.userId(), target);
			return new Assigned(copy(target), Optional.empty(), superseded);
		}
		String agency = user.agencyCode();
		var rule = deciders.rule(agency);
		Role confirming = rule.confirmingRole();
		RoleGrant.State state = added.contains(confirming) && !deciders.someoneConfirms(agency, user.userId())
				? RoleGrant.State.UNCONFIRMED : RoleGrant.State.PENDING;
		Set<Role> held = copy(target);
		held.removeAll(added);
		if (state == RoleGrant.State.UNCONFIRMED) {
			held.add(confirming);
		}
		users.replaceRoles(user.userId(), held);
		RoleGrantRepository.Row grant = new RoleGrantRepository.Row(UUID.randomUUID(), user.userId(), agency, target,
				added, reason, state, requester.username(), requester.userId(), now, null, null, null, null);
		grants.insert(grant);
		Map<String, Object> payload = new LinkedHashMap<>(Map.of("grant", grant.id().toString(), "username",
				user.username(), "roles", RoleGrantRepository.codes(target), "awaiting", RoleGrantRepository.codes(added),
				"held", RoleGrantRepository.codes(held), "confirmedBy", confirming.code(), "reason", reason.code(),
				"cite", rule.cite()));
		superseded.ifPresent(id -> payload.put("supersedes", id.toString()));
		ledger.append(LedgerEvent.by(requester, agency,
				state == RoleGrant.State.PENDING ? "user.roles-requested" : "user.roles-unconfirmed", "user",
				user.userId().toString(), payload));
		return new Assigned(held, Optional.of(grant), superseded);
	}

	/** The roles the user holds once everything asked for him is confirmed. */
	Set<Role> askedRoles(UserAccount user) {
		return grants.openOf(user.userId()).map(RoleGrantRepository.Row::roles).orElse(user.roles());
	}

	/**
	 * Demo data and the tests' accounts only, never reached from the API or a page: the system itself
	 * confirms the roles the account was created with, and the ledger says so.
	 */
	void confirmAsSystem(String job, UserAccount user) {
		ledger.append(LedgerEvent.bySystem(job, user.agencyCode(), "user.roles-confirmed", "user",
				user.userId().toString(), Map.of("username", user.username(), "roles",
						RoleGrantRepository.codes(user.roles()), "as", "system", "note",
						"pre-confirmed " + job + " account, created by the system")));
	}

	/** The open grants of an agency (with {@code all}, also the latest decided ones), with what the actor may do. */
	@Transactional(readOnly = true)
	public List<RoleGrant> list(Actor actor, String agency, boolean all) {
		String code = agency != null ? agency : actor.agency().orElse(null);
		if (code == null) {
			return grants.open(null).stream().map(grant -> view(actor, grant)).toList();
		}
		decisions.decide(actor, Action.SEE_AGENCY, code).orThrow();
		return (all ? grants.recent(code, HISTORY) : grants.open(code)).stream().map(grant -> view(actor, grant)).toList();
	}

	@Transactional
	public RoleGrant confirm(Actor actor, UUID grantId, String note) {
		RoleGrantRepository.Row grant = decidable(actor, grantId);
		close(actor, grant, RoleGrant.State.CONFIRMED, note);
		users.replaceRoles(grant.userId(), grant.roles());
		ledger.append(LedgerEvent.by(actor, grant.agency(), "user.roles-confirmed", "user", grant.userId().toString(),
				decision(actor, grant, note, Map.of("roles", RoleGrantRepository.codes(grant.roles()), "confirmed",
						RoleGrantRepository.codes(grant.added())))));
		return view(actor, grants.find(grantId).orElseThrow());
	}

	@Transactional
	public RoleGrant refuse(Actor actor, UUID grantId, String note) {
		RoleGrantRepository.Row grant = decidable(actor, grantId);
		close(actor, grant, RoleGrant.State.REFUSED, note);
		Set<Role> held = copy(users.findById(grant.userId()).orElseThrow().roles());
		held.removeAll(grant.added());
		users.replaceRoles(grant.userId(), held);
		ledger.append(LedgerEvent.by(actor, grant.agency(), "user.roles-refused", "user", grant.userId().toString(),
				decision(actor, grant, note, Map.of("roles", RoleGrantRepository.codes(held), "refused",
						RoleGrantRepository.codes(grant.added())))));
		return view(actor, grants.find(grantId).orElseThrow());
	}

	/** The open grants of an agency by user, for the users' views. */
	Map<UUID, RoleGrantRepository.Row> openByUser(String agency) {
		Map<UUID, RoleGrantRepository.Row> open = new LinkedHashMap<>();
		grants.open(agency).forEach(grant -> open.put(grant.userId(), grant));
		return open;
	}

	/** The unconfirmed grants every page shows: of the actor's agency, of all agencies to the installation administrator. */
	@Transactional(readOnly = true)
	public List<RoleGrant> unconfirmed(Actor actor) {
		return grants.open(actor.agency().orElse(null)).stream()
			.filter(grant -> grant.state() == RoleGrant.State.UNCONFIRMED)
			.filter(grant -> actor.belongsTo(grant.agency()))
			.map(grant -> view(actor, grant))
			.toList();
	}

	/** How many open grants the actor may decide now. */
	@Transactional(readOnly = true)
	public long decidableBy(Actor actor) {
		return grants.open(actor.agency().orElse(null)).stream().filter(grant -> deciders.mayDecide(actor, grant)).count();
	}

	/** The roles of an open grant that its user holds unconfirmed; the rest of its added roles wait. */
	Set<Role> unconfirmedRoles(RoleGrantRepository.Row grant) {
		Set<Role> unconfirmed = EnumSet.noneOf(Role.class);
		if (grant.state() == RoleGrant.State.UNCONFIRMED) {
			Role confirming = deciders.rule(grant.agency()).confirmingRole();
			grant.added().stream().filter(confirming::equals).forEach(unconfirmed::add);
		}
		return unconfirmed;
	}

	private RoleGrantRepository.Row decidable(Actor actor, UUID grantId) {
		RoleGrantRepository.Row grant = grants.find(grantId)
			.filter(found -> actor.belongsTo(found.agency()))
			.orElseThrow(() -> CustodiaException.notFound("error.role-grant-not-found", grantId));
		if (!grant.state().open()) {
			throw CustodiaException.conflict("error.role-grant-closed", grant.state().name());
		}
		if (!deciders.mayDecide(actor, grant)) {
			throw CustodiaException.forbidden("rule.role-grant-second-person", deciders.rule(grant.agency()).cite(),
					"role." + deciders.rule(grant.agency()).confirmingRole().code());
		}
		return grant;
	}

	private void close(Actor actor, RoleGrantRepository.Row grant, RoleGrant.State state, String note) {
		String kept = note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(note.strip().length(), 500));
		if (!grants.close(grant.id(), state, actor.username(), actor.userId(), clock.instant(), kept)) {
			throw CustodiaException.conflict("error.role-grant-closed", grant.state().name());
		}
	}

	private Map<String, Object> decision(Actor actor, RoleGrantRepository.Row grant, String note, Map<String, Object> more) {
		Role confirming = deciders.rule(grant.agency()).confirmingRole();
		String capacity = actor.has(confirming) ? confirming.code()
				: actor.has(Role.ADMINISTRATOR) ? Role.ADMINISTRATOR.code() : Role.LEGAL_HEAD.code();
		Map<String, Object> payload = new LinkedHashMap<>(more);
		payload.put("grant", grant.id().toString());
		payload.put("username", users.findById(grant.userId()).map(UserAccount::username).orElse(""));
		payload.put("as", capacity);
		payload.put("was", grant.state().name());
		payload.put("note", note == null ? "" : note.strip());
		payload.put("cite", deciders.rule(grant.agency()).cite());
		return payload;
	}

	private RoleGrant view(Actor actor, RoleGrantRepository.Row grant) {
		Optional<UserAccount> user = users.findById(grant.userId());
		return new RoleGrant(grant.id(), grant.userId(), user.map(UserAccount::username).orElse(null),
				user.map(UserAccount::displayName).orElse(null), grant.agency(), grant.roles(), grant.added(),
				grant.state(), grant.reason(), grant.requestedBy(), grant.requestedAt(), grant.decidedBy(),
				grant.decidedAt(), grant.note(), deciders.rule(grant.agency()).confirmingRole(),
				deciders.mayDecide(actor, grant));
	}

	private static Set<Role> copy(Set<Role> roles) {
		return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
	}
}
