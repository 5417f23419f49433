package org.custodia.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;

import javax.sql.DataSource;

import org.custodia.shared.MutableClock;
import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Role grants, their closing, and who holds a role, on H2 and on PostgreSQL. */
class RoleGrantRepositoryTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void keepsOpenGrantsUntilTheyAreClosedOnce(TestDatabases.Kind kind) {
		DataSource dataSource = TestDatabases.migrated(kind);
		AgencyRepository agencies = new AgencyRepository(JdbcClient.create(dataSource), clock);
		UserRepository users = new UserRepository(JdbcClient.create(dataSource), clock);
		RoleGrantRepository grants = new RoleGrantRepository(JdbcClient.create(dataSource));
		agencies.insertAgency("zhanhe-health", "湛河区卫生健康委员会", "Zhanhe District Health Commission");
		UUID user = UUID.randomUUID();
		users.insert(user, "wang.wei", "王伟", "zhanhe-health", null, "{bcrypt}hash", true, "zh-CN", EnumSet.of(Role.CUSTODIAN));

		RoleGrantRepository.Row first = row(user, RoleGrant.State.PENDING, clock.instant());
		grants.insert(first);
		assertThat(grants.openOf(user)).hasValueSatisfying(open -> {
			assertThat(open.added()).containsExactly(Role.LEGAL_HEAD);
			assertThat(open.roles()).containsExactlyInAnyOrder(Role.CUSTODIAN, Role.LEGAL_HEAD);
		});
		assertThat(grants.close(first.id(), RoleGrant.State.SUPERSEDED, "admin", null, clock.instant(), null)).isTrue();
		assertThat(grants.close(first.id(), RoleGrant.State.CONFIRMED, "chief", null, clock.instant(), "late")).isFalse();

		RoleGrantRepository.Row second = row(user, RoleGrant.State.UNCONFIRMED, clock.instant().plus(Duration.ofMinutes(1)));
		grants.insert(second);
		assertThat(grants.open("zhanhe-health")).extracting(RoleGrantRepository.Row::id).containsExactly(second.id());
		assertThat(grants.open(null)).extracting(RoleGrantRepository.Row::state).containsExactly(RoleGrant.State.UNCONFIRMED);
		assertThat(grants.close(second.id(), RoleGrant.State.CONFIRMED, "chief", user, clock.instant(), "核实")).isTrue();
		assertThat(grants.openOf(user)).isEmpty();
		assertThat(grants.recent("zhanhe-health", 1)).singleElement().satisfies(latest -> {
			assertThat(latest.id()).isEqualTo(second.id());
			assertThat(latest.note()).isEqualTo("核实");
			assertThat(latest.decidedAt()).isEqualTo(clock.instant());
		});
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void findsWhoHoldsARoleAndEndsSessions(TestDatabases.Kind kind) {
		DataSource dataSource = TestDatabases.migrated(kind);
		AgencyRepository agencies = new AgencyRepository(JdbcClient.create(dataSource), clock);
		UserRepository users = new UserRepository(JdbcClient.create(dataSource), clock);
		agencies.insertAgency("zhanhe-health", "湛河区卫生健康委员会", "Zhanhe District Health Commission");
		UUID chief = UUID.randomUUID();
		users.insert(chief, "li.chief", "李局长", "zhanhe-health", null, "{bcrypt}hash", false, "zh-CN", EnumSet.of(Role.CHIEF));
		users.insert(UUID.randomUUID(), "zhao.officer", "赵", "zhanhe-health", null, "{bcrypt}hash", false, "zh-CN",
				EnumSet.of(Role.OFFICER));

		assertThat(users.holding("zhanhe-health", Role.CHIEF)).extracting(UserAccount::username).containsExactly("li.chief");
		assertThat(users.holding("neiqiu-health", Role.CHIEF)).isEmpty();
		assertThat(users.findById(chief).orElseThrow().sessionGeneration()).isZero();
		assertThat(users.endSessions(chief)).isEqualTo(1);
		assertThat(users.findById(chief).orElseThrow().sessionGeneration()).isEqualTo(1);
	}

	private static RoleGrantRepository.Row row(UUID user, RoleGrant.State state, Instant at) {
		return new RoleGrantRepository.Row(UUID.randomUUID(), user, "zhanhe-health", EnumSet.of(Role.CUSTODIAN, Role.LEGAL_HEAD),
				EnumSet.of(Role.LEGAL_HEAD), RoleGrant.Reason.ROLES_CHANGED, state, "admin", null, at, null, null, null, null);
	}
}
