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

/** Users, roles, units and lockout state on H2 and on PostgreSQL. */
class UserRepositoryTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void storesUsersWithRolesInTheirAgencyAndUnit(TestDatabases.Kind kind) {
		DataSource dataSource = TestDatabases.migrated(kind);
		AgencyRepository agencies = new AgencyRepository(JdbcClient.create(dataSource), clock);
		UserRepository users = new UserRepository(JdbcClient.create(dataSource), clock);
		agencies.insertAgency("zhanhe-health", "湛河区卫生健康委员会", "Zhanhe District Health Commission");
		UnitView unit = new UnitView(UUID.randomUUID(), "zhanhe-health", "区卫生计生监督所", "Supervision Institute", UnitKind.ENFORCEMENT);
		agencies.insertUnit(unit);
		UUID id = UUID.randomUUID();

		users.insert(id, "li.ming", "李明", "zhanhe-health", unit.id(), "{bcrypt}hash", true, "zh-CN",
				EnumSet.of(Role.OFFICER, Role.CUSTODIAN));

		UserAccount loaded = users.findByUsername("li.ming").orElseThrow();
		assertThat(loaded.roles()).containsExactlyInAnyOrder(Role.OFFICER, Role.CUSTODIAN);
		assertThat(loaded.agency()).contains("zhanhe-health");
		assertThat(loaded.unitId()).isEqualTo(unit.id());
		assertThat(loaded.mustChangePassword()).isTrue();
		assertThat(agencies.units("zhanhe-health")).extracting(UnitView::nameZh).containsExactly("区卫生计生监督所");
		assertThat(users.list("zhanhe-health")).extracting(UserAccount::username).containsExactly("li.ming");
		assertThat(users.list("neiqiu-health")).isEmpty();

		users.replaceRoles(id, EnumSet.of(Role.LEGAL_HEAD));
		users.updatePassword(id, "{bcrypt}other", false);
		assertThat(users.findById(id).orElseThrow().roles()).containsExactly(Role.LEGAL_HEAD);
		assertThat(users.findById(id).orElseThrow().mustChangePassword()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void lockIsComputedAgainstTheClock(TestDatabases.Kind kind) {
		DataSource dataSource = TestDatabases.migrated(kind);
		UserRepository users = new UserRepository(JdbcClient.create(dataSource), clock);
		UUID id = UUID.randomUUID();
		users.insert(id, "admin", "管理员", null, null, "{bcrypt}hash", false, "en", EnumSet.of(Role.ADMINISTRATOR));

		users.recordFailure(id, 0, clock.instant().plus(Duration.ofMinutes(15)));
		assertThat(users.findById(id).orElseThrow().locked()).isTrue();
		clock.advance(Duration.ofMinutes(16));
		assertThat(users.findById(id).orElseThrow().locked()).isFalse();

		users.recordFailure(id, 3, null);
		users.recordLogin(id);
		UserAccount after = users.findById(id).orElseThrow();
		assertThat(after.failedAttempts()).isZero();
		assertThat(after.lastLoginAt()).isEqualTo(clock.instant());
	}
}
