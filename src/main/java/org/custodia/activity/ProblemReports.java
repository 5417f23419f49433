package org.custodia.activity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports of recording that cannot go on (002 art. 11), where the agency's regulation asks for them: an
 * officer of the activity reports to the head of his own department, and the report keeps its time.
 */
@Component
public class ProblemReports {

	private final Activities activities;

	private final Users users;

	private final Policies policies;

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Clock clock;

	ProblemReports(Activities activities, Users users, Policies policies, JdbcClient jdbc, Ledger ledger, Clock clock) {
		this.activities = activities;
		this.users = users;
		this.policies = policies;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<ProblemReport> of(Actor actor, UUID activityId) {
		return of(activities.get(actor, activityId));
	}

	List<ProblemReport> of(Activity activity) {
		return jdbc.sql("""
				select id, activity_id, reported_by_id, reported_by, reported_to_id, reported_at, recorded_at, note, cite
				from activity_problem_report where activity_id = :activity order by reported_at, recorded_at""")
			.param("activity", activity.id())
			.query((rs, row) -> new ProblemReport(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
					rs.getObject("reported_by_id", UUID.class), rs.getString("reported_by"),
					rs.getObject("reported_to_id", UUID.class), rs.getTimestamp("reported_at").toInstant(),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("note"), rs.getString("cite")))
			.list();
	}

	/**
	 * An officer of the activity records that he reported, at {@code reportedAt} (now when null), to the head of
	 * his department, who must hold the role the regulation names and head the reporter's own unit.
	 */
	@Transactional
	public ProblemReport report(Actor actor, UUID activityId, UUID reportedToId, Instant reportedAt, String note) {
		Activity activity = activities.get(actor, activityId);
		AgencyPolicy.Interruption rule = policies.of(activity.agency()).recording().interruption();
		if (rule.reportTo() == null) {
			throw CustodiaException.refused("rule.problem-report-not-provided", rule.cite());
		}
		String cite = rule.reportTo().cite();
		if (!activity.officers().contains(actor.userId())) {
			throw CustodiaException.forbidden("rule.problem-report-by-officer", cite);
		}
		if (note == null || note.isBlank()) {
			throw invalid("rule.problem-report-note-required", cite, "note");
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Instant at = reportedAt == null ? now : reportedAt;
		if (at.isAfter(now)) {
			throw invalid("rule.problem-report-future", cite, "reportedAt");
		}
		UserView reporter = users.findByIdForSystem(actor.userId()).orElseThrow();
		UserView head = reportedToId == null ? null : users.findByIdForSystem(reportedToId)
			.filter(user -> activity.agency().equals(user.agency()))
			.orElse(null);
		if (head == null || !head.has(rule.reportTo().asRole()) || !java.util.Objects.equals(head.unitId(), reporter.unitId())) {
			throw invalid("rule.problem-report-to", cite, "reportedToId", "role." + rule.reportTo().role());
		}
		ProblemReport report = new ProblemReport(UUID.randomUUID(), activity.id(), actor.userId(), actor.username(),
				head.id(), at.truncatedTo(ChronoUnit.MILLIS), now, note.strip(), cite);
		jdbc.sql("""
				insert into activity_problem_report (id, activity_id, agency_code, reported_by_id, reported_by, reported_to_id,
				    reported_at, recorded_at, note, cite)
				values (:id, :activity, :agency, :byId, :by, :to, :at, :recorded, :note, :cite)""")
			.param("id", report.id())
			.param("activity", activity.id())
			.param("agency", activity.agency())
			.param("byId", report.reportedById())
			.param("by", report.reportedBy())
			.param("to", report.reportedToId())
			.param("at", Timestamp.from(report.reportedAt()))
			.param("recorded", Timestamp.from(report.recordedAt()))
			.param("note", report.note())
			.param("cite", cite)
			.update();
		ledger.append(LedgerEvent.by(actor, activity.agency(), "activity.problem-reported", "activity",
				activity.id().toString(), Map.of("report", report.id().toString(), "to", head.id().toString(), "reportedAt",
						report.reportedAt().toString(), "note", report.note(), "cite", cite)));
		return report;
	}

	private static CustodiaException invalid(String key, String cite, String field, Object... arguments) {
		return new CustodiaException(HttpStatus.BAD_REQUEST, key, cite, Map.of("field", field), arguments);
	}
}
