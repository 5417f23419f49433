package org.custodia.activity;

/** Where a work record stands: SUBMITTED → REVIEWED → FILED, or SUBMITTED → RETURNED to be written again. */
public enum WorkRecordStatus {
	SUBMITTED, REVIEWED, FILED, RETURNED;

	/** The message key of the status as a page names it. */
	String key() {
		return "status.work-record-" + name().toLowerCase(java.util.Locale.ROOT);
	}
}
