package org.custodia.activity;

import java.time.Instant;
import java.util.UUID;

/**
 * An officer's report that recording could not go on, made at once to the head of his department
 * (002 art. 11: "立即向所属部门负责人报告"): when he reported, to whom, what happened; the written account
 * follows as the interruption's reason or a work record.
 */
public record ProblemReport(UUID id, UUID activityId, UUID reportedById, String reportedBy, UUID reportedToId,
		Instant reportedAt, Instant recordedAt, String note, String cite) {
}
