package org.custodia.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Users and their roles: created and changed by administrators, each change a ledger entry. */
@Component
public class Users {

	private final UserRepository users;

	private final AgencyRepository agencies;

	private final PolicyDecisions decisions;

	private final PasswordEncoder passwords;

	private final Ledger ledger;

	private final RoleGrants grants;

	Users(UserRepository users, AgencyRepository agencies, PolicyDecisions decisions, PasswordEncoder passwords,
			Ledger ledger, RoleGrants grants) {
		this.users = users;
		this.agencies = agencies;
		this.decisions = decisions;
		this.passwords = passwords;
		this.ledger = ledger;
		this.grants = grants;
	}

	/** The display name of each user of an agency, by id: for pages and documents that name people. */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, String> displayNames(Actor actor, String agencyCode) {
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		list(actor, agencyCode).forEach(user -> names.put(user.id(), user.displayName()));
		return names;
	}

	/** Users of an agency; the installation administrator may list all with a null agency. */
	@Transactional(readOnly = true)
	public List<UserView> list(Actor actor, String agencyCode) {
		if (agencyCode == null) {
			if (!actor.isInstallationAdministrator()) {
				agencyCode = actor.agency().orElseThrow();
			}
			else {
				return views(users.list(null), grants.openByUser(null));
			}
		}
		decisions.decide(actor, Action.SEE_AGENCY, agencyCode).orThrow();
		return views(users.list(agencyCode), grants.openByUser(agencyCode));
	}

	/** The officers of an agency: who may be given a device or take part in an activity. */
	@Transactional(readOnly = true)
	public List<UserView> officersOf(Actor actor, String agencyCode) {
		return list(actor, agencyCode).stream().filter(user -> user.has(Role.OFFICER)).toList();
	}

	@Transactional(readOnly = true)
	public UserView get(Actor actor, UUID id) {
		UserAccount user = users.findById(id).orElseThrow(() -> CustodiaException.notFound("error.user-not-found", id));
		if (user.agencyCode() == null ? !actor.isInstallationAdministrator() : !actor.belongsTo(user.agencyCode())) {
			throw CustodiaException.notFound("error.user-not-found", id);
		}
		return views(List.of(user), grants.openByUser(user.agencyCode())).get(0);
	}

	/** A user by id, without a check: for decisions that need someone's unit (who heads whose recordings). */
	@Transactional(readOnly = true)
	public java.util.Optional<UserView> findByIdForSystem(UUID id) {
		return id == null ? java.util.Optional.empty() : users.findById(id).map(UserAccount::view);
	}

	/** For system jobs (demo data, scheduled work) that act without a signed-in user. */
	@Transactional(readOnly = true)
	public java.util.Optional<UserView> findForSystem(String username) {
		return users.findByUsername(username).map(UserAccount::view);
	}

	/**
	 * Creates a user with a one-time password. Roles that see footage wait for a second person's
	 * confirmation ({@link RoleGrants}); the others are held at once.
	 */
	@Transactional
	public UserView create(Actor actor, NewUser request) {
		Set<Role> roles = checkNew(actor, request);
		UUID id = UUID.randomUUID();
		boolean installationAdministrator = request.agency() == null;
		users.insert(id, request.username(), request.displayName(), request.agency(), request.unitId(),
				passwords.encode(request.initialPassword()), true, "zh-CN",
				installationAdministrator ? roles : EnumSet.noneOf(Role.class));
		ledger.append(LedgerEvent.by(actor, request.agency(), "user.created", "user", id.toString(),
				Map.of("username", request.username(), "roles", codes(roles), "unit", String.valueOf(request.unitId()))));
		if (!installationAdministrator) {
			grants.assign(actor, users.findById(id).orElseThrow(), roles, RoleGrant.Reason.CREATED, false);
		}
		return get(actor, id);
	}

	/**
	 * Demo data and the tests' accounts only: a user whose roles the system confirms itself (the ledger
	 * says so), with the password already chosen unless {@code oneTimePassword}. No page or API reaches it.
	 */
	@Transactional
	UserView createConfirmedBySystem(String job, NewUser request, boolean oneTimePassword) {
		Set<Role> roles = checkNew(null, request);
		UUID id = UUID.randomUUID();
		users.insert(id, request.username(), request.displayName(), request.agency(), request.unitId(),
				passwords.encode(request.initialPassword()), oneTimePassword, "zh-CN", roles);
		ledger.append(LedgerEvent.bySystem(job, request.agency(), "user.created", "user", id.toString(),
				Map.of("username", request.username(), "roles", codes(roles), "unit", String.valueOf(request.unitId()))));
		UserAccount created = users.findById(id).orElseThrow();
		grants.confirmAsSystem(job, created);
		return created.view();
	}

	/** Checks a new user; a null actor is the system, which needs no administrator's right. */
	private Set<Role> checkNew(Actor actor, NewUser request) {
		if (request.username() == null || !request.username().matches("^[a-zA-Z0-9._-]{3,64}$")) {
			throw CustodiaException.badRequest("error.username-invalid");
		}
		if (request.displayName() == null || request.displayName().isBlank()) {
			throw CustodiaException.badRequest("error.field-required", "displayName");
		}
		Set<Role> roles = roles(request.roles());
		if (request.agency() == null) {
			if (actor == null || !actor.isInstallationAdministrator() || !roles.equals(EnumSet.of(Role.ADMINISTRATOR))) {
				throw CustodiaException.badRequest("error.agency-required");
			}
		}
		else {
			if (actor != null) {
				decisions.decide(actor, Action.MANAGE_USERS, request.agency()).orThrow();
			}
			if (request.unitId() == null || agencies.unit(request.unitId())
				.filter(unit -> unit.agency().equals(request.agency()))
				.isEmpty()) {
				throw CustodiaException.badRequest("error.unit-not-in-agency", request.agency());
			}
		}
		if (users.exists(request.username())) {
			throw CustodiaException.conflict("error.username-taken", request.username());
		}
		PasswordRules.check(request.username(), request.initialPassword());
		return roles;
	}

	/** Roles taken away go at once; roles that see footage and are new wait for confirmation. */
	@Transactional
	public UserView changeRoles(Actor actor, UUID userId, List<String> roleCodes) {
		UserAccount user = users.findById(userId)
			.orElseThrow(() -> CustodiaException.notFound("error.user-not-found", userId));
		if (user.agencyCode() == null) {
			throw CustodiaException.badRequest("error.agency-required");
		}
		decisions.decide(actor, Action.MANAGE_USERS, user.agencyCode()).orThrow();
		Set<Role> roles = roles(roleCodes);
		if (user.userId().equals(actor.userId()) && !roles.contains(Role.ADMINISTRATOR)) {
			throw CustodiaException.badRequest("error.cannot-drop-own-administration");
		}
		RoleGrants.Assigned assigned = grants.assign(actor, user, roles, RoleGrant.Reason.ROLES_CHANGED, false);
		Map<String, Object> payload = new java.util.LinkedHashMap<>(Map.of("username", user.username(), "from",
				codes(user.roles()), "to", codes(assigned.held()), "asked", codes(roles)));
		assigned.superseded().ifPresent(grant -> payload.put("supersedes", grant.toString()));
		ledger.append(LedgerEvent.by(actor, user.agencyCode(), "user.roles-changed", "user", userId.toString(), payload));
		return get(actor, userId);
	}

	@Transactional
	public void changeLocale(Actor actor, String locale) {
		if (!Set.of("zh-CN", "en").contains(locale)) {
			throw CustodiaException.badRequest("error.locale-unknown", locale);
		}
		users.updateLocale(actor.userId(), locale);
		ledger.append(LedgerEvent.by(actor, actor.agency().orElse(null), "user.locale-changed", "user",
				actor.userId().toString(), Map.of("locale", locale)));
	}

	private List<UserView> views(List<UserAccount> accounts, Map<UUID, RoleGrantRepository.Row> open) {
		return accounts.stream().map(user -> {
			RoleGrantRepository.Row grant = open.get(user.userId());
			if (grant == null) {
				return user.view();
			}
			Set<Role> unconfirmed = grants.unconfirmedRoles(grant);
			Set<Role> pending = EnumSet.copyOf(grant.added());
			pending.removeAll(unconfirmed);
			return user.view(pending, unconfirmed);
		}).toList();
	}

	private static Set<Role> roles(List<String> codes) {
		if (codes == null || codes.isEmpty()) {
			throw CustodiaException.badRequest("error.roles-required");
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String code : codes) {
			try {
				roles.add(Role.fromCode(code));
			}
			catch (IllegalArgumentException e) {
				throw CustodiaException.badRequest("error.role-unknown", code);
			}
		}
		if (roles.contains(Role.ADMINISTRATOR) && roles.size() > 1) {
			throw CustodiaException.forbidden("rule.administrator-no-footage", PolicyDecisions.SEPARATION_OF_DUTIES);
		}
		return roles;
	}

	private static String codes(Set<Role> roles) {
		return String.join(",", roles.stream().map(Role::code).sorted().toList());
	}
}
