package org.custodia.activity;

/**
 * Where an activity stands against the required-recording list (CMP-2): for a type the policy marks
 * must or may be recorded, {@code RECORDED}, {@code WORK_RECORD_FILED} or {@code MISSING}; for other
 * types {@code state} is null. The counts say what else needs attention.
 *
 * @param requirement what the agency's lists require of the activity's type
 * @param cite the article that lists the activity type
 * @param workRecord the status of the latest work record, null when none was written
 * @param statementsMissing recorded, but no review yet confirms the start statement and notification the agency requires
 * @param awaitingImport missing, but the import deadline after the activity's end (REC-1) has not passed yet
 */
public record Compliance(Requirement requirement, State state, String cite, int recordings, WorkRecordStatus workRecord,
		int interruptions, int unexplainedInterruptions, int lateImports, boolean statementsMissing,
		boolean awaitingImport) {

	/** Missing and past the import deadline: what the board counts as missing and lists for attention. */
	public boolean overdue() {
		return state == State.MISSING && !awaitingImport;
	}

	public enum State {
		RECORDED, WORK_RECORD_FILED, MISSING
	}
}
