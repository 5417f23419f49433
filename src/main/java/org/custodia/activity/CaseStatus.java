package org.custodia.activity;

/** Whether a case is still open for activities; stored and shown by its name. */
public enum CaseStatus {
	OPEN, CLOSED
}
