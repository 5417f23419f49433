package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.TestActor;
import org.custodia.shared.TestDatabases;
import org.custodia.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/** The demo switch adds cases and activities in every state the compliance board knows. */
@SpringBootTest
@ContextConfiguration(initializers = DemoActivitiesIntegrationTests.DemoDataDirectory.class)
class DemoActivitiesIntegrationTests {

	static class DemoDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues.of("custodia.data-dir=" + TestDatabases.newDataDirectory(), "custodia.demo=true",
					"spring.datasource.url=" + TestDatabases.h2Url(),
					"CUSTODIA_BOOTSTRAP_ADMIN_PASSWORD=" + CustodiaIntegrationTest.ADMIN_PASSWORD,
					CustodiaIntegrationTest.SM3_BY_HAND, CustodiaIntegrationTest.MEDIA_BY_HAND,
					CustodiaIntegrationTest.REMINDERS_BY_HAND).applyTo(context);
		}
	}

	@Autowired
	ComplianceBoard board;

	@Autowired
	Activities activities;

	@Autowired
	ComplianceFacts facts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyAgencyHasRecordedFiledMissingAndSuggestedActivities() {
		for (String agency : List.of("neiqiu-health", "pingdingshan-culture", "fengnan-medins", "zhanhe-health", "kaifeng-audit")) {
			TestActor head = TestActor.of("demo-check-" + agency, agency, Role.UNIT_HEAD);
			List<ActivityView> views = facts.of(activities.list(head, agency, null, null));
			assertThat(views).extracting(view -> view.compliance().state())
				.as(agency)
				.contains(Compliance.State.RECORDED, Compliance.State.WORK_RECORD_FILED, Compliance.State.MISSING)
				.containsNull();
			assertThat(views).filteredOn(view -> view.compliance().state() == Compliance.State.RECORDED).hasSize(3);
		}
		assertThat(jdbc.sql("select count(*) from activity_work_record where status = 'FILED'").query(Long.class).single())
			.isEqualTo(5);
		assertThat(jdbc.sql("select copy_holders from activity_work_record where agency_code = 'kaifeng-audit'")
			.query(String.class).single()).isEqualTo("执法记录仪管理员\n审计人员");
		assertThat(jdbc.sql("select count(*) from ledger_entry where action = 'activity.created'").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from activity_activity").query(Long.class).single());
	}
}
