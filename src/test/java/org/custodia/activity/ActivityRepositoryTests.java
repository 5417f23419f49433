package org.custodia.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.custodia.shared.Role;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Cases, activities, links, work records and findings on H2 and on PostgreSQL. */
class ActivityRepositoryTests {

	static final Instant T0 = Instant.parse("2026-11-02T01:00:00Z");

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void storesActivitiesTheirOfficersAndOneActivityPerRecording(TestDatabases.Kind kind) {
		DataSource dataSource = TestDatabases.migrated(kind);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		ActivityRepository activities = new ActivityRepository(jdbc);
		EnforcementCase enforcementCase = new EnforcementCase(UUID.randomUUID(), "zhanhe-health", "湛卫罚〔2026〕1号", "某案",
				CaseStatus.OPEN, T0, "tester");
		activities.insertCase(enforcementCase);
		assertThat(activities.caseNumberTaken("zhanhe-health", "湛卫罚〔2026〕1号")).isTrue();
		assertThat(activities.caseByNumber("zhanhe-health", "湛卫罚〔2026〕1号")).contains(enforcementCase);
		activities.changeCaseStatus(enforcementCase.id(), CaseStatus.CLOSED);
		assertThat(activities.findCase(enforcementCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED);

		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		Activity activity = new Activity(UUID.randomUUID(), "zhanhe-health", "hearing", UUID.randomUUID(), enforcementCase.id(),
				"听证室", T0, T0.plusSeconds(3600), List.of(first, second), "张某", ActivitySource.MANUAL, T0, "tester");
		Activity later = new Activity(UUID.randomUUID(), "zhanhe-health", "unlisted", null, null, "某处", T0.plusSeconds(86400),
				T0.plusSeconds(90000), List.of(first), null, ActivitySource.PLAN, T0, "tester");
		activities.insert(activity);
		activities.insert(later);
		assertThat(activities.find(activity.id())).hasValueSatisfying(found -> {
			assertThat(found.officers()).containsExactlyInAnyOrder(first, second);
			assertThat(found.startedAt()).isEqualTo(T0);
			assertThat(found.caseId()).isEqualTo(enforcementCase.id());
		});
		assertThat(activities.list("zhanhe-health", T0, T0.plusSeconds(3600))).extracting(Activity::id).containsExactly(activity.id());
		assertThat(activities.list("zhanhe-health", null, null)).extracting(Activity::id).containsExactly(activity.id(), later.id());
		assertThat(activities.list("kaifeng-audit", null, null)).isEmpty();

		UUID recording = UUID.randomUUID();
		activities.link(new RecordingLink(recording, activity.id(), UUID.randomUUID(), first, T0, T0.plusSeconds(600), 45L,
				"tester", T0), "zhanhe-health");
		assertThat(activities.linkOf(recording)).hasValueSatisfying(link -> assertThat(link.lateMinutes()).isEqualTo(45L));
		assertThatThrownBy(() -> activities.link(new RecordingLink(recording, later.id(), null, null, null, null, null,
				"tester", T0), "zhanhe-health")).isInstanceOf(DuplicateKeyException.class);
		assertThat(activities.links(List.of(activity.id(), later.id()))).hasSize(1);

		WorkRecordRepository records = new WorkRecordRepository(jdbc);
		WorkRecord record = new WorkRecord(UUID.randomUUID(), later.id(), "zhanhe-health", "device-fault", "无法开机", "003 art. 12",
				first, "on-site-leader", first, "tester", T0, Role.CHIEF, second, WorkRecordStatus.SUBMITTED, null, null, null, null, 2, List.of(), "003 art. 12");
		records.insert(record);
		records.review(record.id(), WorkRecordStatus.REVIEWED, T0.plusSeconds(60), "同意");
		records.file(record.id(), "custodian", T0.plusSeconds(120), List.of("执法记录仪管理员", "审计人员"));
		assertThat(records.of(List.of(later.id()))).singleElement().satisfies(filed -> {
			assertThat(filed.status()).isEqualTo(WorkRecordStatus.FILED);
			assertThat(filed.copyHolders()).containsExactly("执法记录仪管理员", "审计人员");
			assertThat(filed.reviewNote()).isEqualTo("同意");
		});

		ReviewRepository reviews = new ReviewRepository(jdbc);
		reviews.mark(new LongTermMark(UUID.randomUUID(), "zhanhe-health", LongTermMark.Subject.ACTIVITY, activity.id(),
				"obstruction", "003 art. 16", null, "tester", T0));
		assertThat(reviews.marksOf(LongTermMark.Subject.ACTIVITY, List.of(activity.id()))).extracting(LongTermMark::trigger)
			.containsExactly("obstruction");
		assertThatThrownBy(() -> reviews.mark(new LongTermMark(UUID.randomUUID(), "zhanhe-health", LongTermMark.Subject.ACTIVITY, activity.id(),
				"obstruction", "003 art. 16", null, "tester", T0))).isInstanceOf(DuplicateKeyException.class);
		reviews.insertReview(new StatementReview(UUID.randomUUID(), activity.id(), recording, true, null, StatementReview.Method.MANUAL, null, "head", T0),
				"zhanhe-health");
		assertThat(reviews.reviews(List.of(activity.id()))).singleElement()
			.satisfies(review -> assertThat(review.notification()).isNull());
	}
}
