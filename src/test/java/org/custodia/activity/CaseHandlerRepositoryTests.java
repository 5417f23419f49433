package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.custodia.shared.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Case handlers and the way from a recording through its activity to its case, on H2 and on PostgreSQL. */
class CaseHandlerRepositoryTests {

	static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void replacesHandlersAndFindsTheCaseOfAConfirmedRecording(TestDatabases.Kind kind) {
		JdbcClient jdbc = JdbcClient.create(TestDatabases.migrated(kind));
		ActivityRepository activities = new ActivityRepository(jdbc);
		CaseHandlerRepository handlers = new CaseHandlerRepository(jdbc);
		EnforcementCase enforcementCase = new EnforcementCase(UUID.randomUUID(), "zhanhe-health", "湛卫罚〔2026〕7号", "某案",
				CaseStatus.OPEN, T0, "tester");
		activities.insertCase(enforcementCase);
		Activity activity = new Activity(UUID.randomUUID(), "zhanhe-health", "hearing", null, enforcementCase.id(), "听证室", T0,
				T0.plusSeconds(3600), List.of(UUID.randomUUID()), null, ActivitySource.MANUAL, T0, "tester");
		activities.insert(activity);
		UUID recording = UUID.randomUUID();
		activities.link(new RecordingLink(recording, activity.id(), null, null, T0, T0.plusSeconds(600), null, "tester", T0),
				"zhanhe-health");
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();

		handlers.replace(enforcementCase.id(), List.of(first, second), "tester", T0);
		handlers.replace(enforcementCase.id(), List.of(second, third), "other", T0.plusSeconds(60));

		assertThat(handlers.handlersOf(enforcementCase.id())).containsExactly(second, third);
		assertThat(jdbc.sql("select assigned_by from activity_case_handler where user_id = :user").param("user", second)
			.query(String.class).single()).as("a handler kept keeps who assigned him").isEqualTo("tester");
		assertThat(handlers.handlersOf(List.of(enforcementCase.id(), UUID.randomUUID())))
			.containsOnlyKeys(enforcementCase.id());
		assertThat(handlers.handles(third, recording)).isTrue();
		assertThat(handlers.handles(first, recording)).isFalse();
		assertThat(handlers.caseOf(recording)).contains(enforcementCase.id());
		assertThat(handlers.caseOf(UUID.randomUUID())).isEmpty();
		assertThat(handlers.recordingsOfCase("zhanhe-health", enforcementCase.id())).containsExactly(recording);
		assertThat(handlers.recordingsOfCase("kaifeng-audit", enforcementCase.id())).isEmpty();
		assertThat(handlers.recordingsOfActivity("zhanhe-health", activity.id())).containsExactly(recording);
		assertThat(handlers.recordingsOfActivity("kaifeng-audit", activity.id())).isEmpty();
		assertThat(handlers.caseNumber(enforcementCase.id())).contains("湛卫罚〔2026〕7号");
	}
}
