package org.custodia.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On every start: creates the agencies that have a policy but no row yet; on the first start the
 * administrator {@code admin} with a one-time password (or {@code CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD});
 * with {@code custodia.demo=true} one demo user per role in each agency, their roles confirmed by the
 * system. Prints what a newcomer needs.
 */
@Component
@org.springframework.core.annotation.Order(0)
@ConditionalOnProperty(name = "custodia.cli", havingValue = "false", matchIfMissing = true)
class InstallationBootstrap implements ApplicationRunner {

	static final String ADMIN = "admin";

	private static final Logger log = LoggerFactory.getLogger(InstallationBootstrap.class);

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final SecureRandom random = new SecureRandom();

	private final Agencies agencies;

	private final AgencyRepository agencyRows;

	private final UserRepository users;

	private final PasswordEncoder passwords;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	private final CustodiaProperties properties;

	private final Environment environment;

	private final RoleGrants grants;

	private final List<String> announcements = new ArrayList<>();

	InstallationBootstrap(Agencies agencies, AgencyRepository agencyRows, UserRepository users,
			PasswordEncoder passwords, Ledger ledger, TransactionTemplate transactions, CustodiaProperties properties,
			Environment environment, RoleGrants grants) {
		this.grants = grants;
		this.agencies = agencies;
		this.agencyRows = agencyRows;
		this.users = users;
		this.passwords = passwords;
		this.ledger = ledger;
		this.transactions = transactions;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		agencies.ensureAgenciesFromPolicies();
		transactions.executeWithoutResult(status -> createAdministrator());
		if (properties.demo()) {
			transactions.executeWithoutResult(status -> createDemoUsers());
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void announce() {
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		StringBuilder text = new StringBuilder("\n================ Custodia 执法音像记录管理系统 ================\n")
			.append("  地址 / address:   http://localhost:").append(port).append("/\n")
			.append("  数据目录 / data:  ").append(properties.dataDir().toAbsolutePath().normalize()).append('\n');
		announcements.forEach(line -> text.append(line).append('\n'));
		text.append("===============================================================");
		log.info(text.toString());
		announcements.clear();
	}

	private void createAdministrator() {
		if (users.exists(ADMIN)) {
			return;
		}
		String given = environment.getProperty("CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD");
		boolean generated = given == null || given.isBlank();
		String password = generated ? randomPassword() : given;
		if (!generated) {
			PasswordRules.check(ADMIN, password);
		}
		UUID id = UUID.randomUUID();
		users.insert(id, ADMIN, "系统管理员", null, null, passwords.encode(password), true, "zh-CN",
				EnumSet.of(Role.ADMINISTRATOR));
		ledger.append(LedgerEvent.bySystem("bootstrap", null, "user.created", "user", id.toString(),
				Map.of("username", ADMIN, "roles", Role.ADMINISTRATOR.code(), "passwordSource", generated ? "generated" : "environment")));
		announcements.add("  首位管理员 / first administrator: " + ADMIN);
		announcements.add(generated ? "  一次性密码 / one-time password: " + password
				: "  密码来自 / password from CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD");
		announcements.add("  首次登录须修改密码 / change it at first login.");
	}

	private void createDemoUsers() {
		String password = randomPassword();
		List<String> created = new ArrayList<>();
		for (AgencyView agency : agencyRows.agencies()) {
			List<UnitView> units = agencyRows.units(agency.code());
			UUID unit = units.stream().filter(candidate -> candidate.kind() != UnitKind.LEGAL).findFirst()
				.or(() -> units.stream().findFirst()).map(UnitView::id).orElse(null);
			UUID legalUnit = units.stream().filter(candidate -> candidate.kind() == UnitKind.LEGAL).findFirst()
				.map(UnitView::id).orElse(unit);
			for (Role role : Role.values()) {
				String username = agency.code() + "." + role.code();
				if (users.exists(username)) {
					continue;
				}
				UUID id = UUID.randomUUID();
				users.insert(id, username, demoName(role) + "（" + agency.nameZh() + "）", agency.code(),
						role == Role.LEGAL_HEAD ? legalUnit : unit, passwords.encode(password), false, "zh-CN",
						EnumSet.of(role));
				ledger.append(LedgerEvent.bySystem("demo", agency.code(), "user.created", "user", id.toString(),
						Map.of("username", username, "roles", role.code(), "demo", true)));
				// Demo accounts are usable at once: the system confirms their roles, and the ledger says so.
				grants.confirmAsSystem("demo", users.findById(id).orElseThrow());
				created.add(username);
			}
		}
		if (created.isEmpty()) {
			announcements.add("  演示用户已存在 / demo users already present");
			return;
		}
		announcements.add("  演示用户 / demo users (" + created.size() + "): <agency>.<role>, e.g. neiqiu-health.officer");
		announcements.add("    roles: officer custodian unit-head legal-head chief leader-in-charge supervisor administrator");
		announcements.add("    agencies: " + String.join(" ", agencyRows.agencies().stream().map(AgencyView::code).toList()));
		announcements.add("  演示用户密码 / demo password: " + password);
	}

	private static String demoName(Role role) {
		return switch (role) {
			case OFFICER -> "演示执法人员";
			case CUSTODIAN -> "演示设备管理员";
			case UNIT_HEAD -> "演示科室负责人";
			case LEGAL_HEAD -> "演示法制机构负责人";
			case CHIEF -> "演示主要负责人";
			case LEADER_IN_CHARGE -> "演示分管领导";
			case SUPERVISOR -> "演示监督人员";
			case ADMINISTRATOR -> "演示管理员";
		};
	}

	private String randomPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		// Guarantees the letters-and-digits rule whatever the draw.
		return password.append(random.nextInt(10)).append('x').toString();
	}
}
