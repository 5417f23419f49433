package org.custodia.activity;

/**
 * Where an activity stands against the required-recording list (CMP-2): for a type the policy marks
 * must or may be recorded, {@code RECORDED}, {@code WORK_RECORD_FILED} or {@code MISSING}; for other
 * types {@code state} is null. The counts say what else needs attention.
 *
 * @param requirement {@code MUST}, {@code MAY} or {@code NONE}
 * @param cite the article that lists the activity type
 * @param workRecord the status of the latest work record, null when none was written
 * @param statementsMissing recorded, but no review yet confirms the start statement and notification the agency requires
 */
public record Compliance(String requirement, State state, String cite, int recordings, String workRecord,
		int interruptions, int unexplainedInterruptions, int lateImports, boolean statementsMissing) {

	public enum State {
		RECORDED, WORK_RECORD_FILED, MISSING
	}
}
