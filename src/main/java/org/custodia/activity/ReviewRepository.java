package org.custodia.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What people found on an activity's recordings: explained interruptions, statement reviews, long-term marks. */
@Repository
class ReviewRepository {

	private final JdbcClient jdbc;

	ReviewRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void explain(Interruption interruption, String agency) {
		jdbc.sql("""
				insert into activity_interruption (activity_id, after_recording_id, agency_code, gap_start, gap_end, reason_code,
				    note, explained_by, explained_at, cite)
				values (:activity, :after, :agency, :start, :end, :reason, :note, :by, :at, :cite)""")
			.param("activity", interruption.activityId())
			.param("after", interruption.afterRecordingId())
			.param("agency", agency)
			.param("start", Timestamp.from(interruption.gapStart()))
			.param("end", Timestamp.from(interruption.gapEnd()))
			.param("reason", interruption.reasonCode())
			.param("note", interruption.note())
			.param("by", interruption.explainedBy())
			.param("at", Timestamp.from(interruption.explainedAt()))
			.param("cite", interruption.cite())
			.update();
	}

	/** The explanations given, as interruptions without their following recording. */
	List<Interruption> explanations(Collection<UUID> activityIds) {
		if (activityIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select activity_id, after_recording_id, gap_start, gap_end, reason_code, note, explained_by, explained_at, cite
				from activity_interruption where activity_id in (:ids)""")
			.param("ids", activityIds)
			.query((rs, n) -> new Interruption(rs.getObject("activity_id", UUID.class),
					rs.getObject("after_recording_id", UUID.class), null, ActivityRepository.instant(rs, "gap_start"),
					ActivityRepository.instant(rs, "gap_end"), 0, rs.getString("reason_code"), rs.getString("note"),
					rs.getString("explained_by"), ActivityRepository.instant(rs, "explained_at"), rs.getString("cite")))
			.list();
	}

	void insertReview(StatementReview review, String agency) {
		jdbc.sql("""
				insert into activity_statement_review (id, activity_id, recording_id, agency_code, start_statement, notification,
				    method, note, reviewed_by, reviewed_at)
				values (:id, :activity, :recording, :agency, :start, :notification, :method, :note, :by, :at)""")
			.param("id", review.id())
			.param("activity", review.activityId())
			.param("recording", review.recordingId())
			.param("agency", agency)
			.param("start", review.startStatement())
			.param("notification", review.notification())
			.param("method", review.method().code())
			.param("note", review.note())
			.param("by", review.reviewedBy())
			.param("at", Timestamp.from(review.reviewedAt()))
			.update();
	}

	List<StatementReview> reviews(Collection<UUID> activityIds) {
		if (activityIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, activity_id, recording_id, start_statement, notification, method, note, reviewed_by, reviewed_at
				from activity_statement_review where activity_id in (:ids) order by reviewed_at, id""")
			.param("ids", activityIds)
			.query(ReviewRepository::review)
			.list();
	}

	void mark(LongTermMark mark) {
		jdbc.sql("""
				insert into activity_long_term (id, agency_code, subject_type, subject_id, trigger_code, cite, note, marked_by,
				    marked_at)
				values (:id, :agency, :type, :subject, :trigger, :cite, :note, :by, :at)""")
			.param("id", mark.id())
			.param("agency", mark.agency())
			.param("type", mark.subjectType().code())
			.param("subject", mark.subjectId())
			.param("trigger", mark.trigger())
			.param("cite", mark.cite())
			.param("note", mark.note())
			.param("by", mark.markedBy())
			.param("at", Timestamp.from(mark.markedAt()))
			.update();
	}

	List<LongTermMark> marks(String agency) {
		return jdbc.sql(MARK_COLUMNS + " where agency_code = :agency order by marked_at, id")
			.param("agency", agency)
			.query(ReviewRepository::mark)
			.list();
	}

	List<LongTermMark> marksOf(LongTermMark.Subject subjectType, Collection<UUID> subjectIds) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(MARK_COLUMNS + " where subject_type = :type and subject_id in (:ids) order by marked_at, id")
			.param("type", subjectType.code())
			.param("ids", subjectIds)
			.query(ReviewRepository::mark)
			.list();
	}

	private static final String MARK_COLUMNS = """
			select id, agency_code, subject_type, subject_id, trigger_code, cite, note, marked_by, marked_at
			from activity_long_term""";

	private static StatementReview review(ResultSet rs, int n) throws SQLException {
		return new StatementReview(rs.getObject("id", UUID.class), rs.getObject("activity_id", UUID.class),
				rs.getObject("recording_id", UUID.class), (Boolean) rs.getObject("start_statement"),
				(Boolean) rs.getObject("notification"), StatementReview.Method.fromCode(rs.getString("method")), rs.getString("note"),
				rs.getString("reviewed_by"), ActivityRepository.instant(rs, "reviewed_at"));
	}

	private static LongTermMark mark(ResultSet rs, int n) throws SQLException {
		return new LongTermMark(rs.getObject("id", UUID.class), rs.getString("agency_code"),
				LongTermMark.Subject.fromCode(rs.getString("subject_type")),
				rs.getObject("subject_id", UUID.class), rs.getString("trigger_code"), rs.getString("cite"),
				rs.getString("note"), rs.getString("marked_by"), ActivityRepository.instant(rs, "marked_at"));
	}
}
