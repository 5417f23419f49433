package org.custodia.activity;

/** How an activity came in: entered by hand, from an inspection plan, or made around a recording. */
public enum ActivitySource {
	MANUAL, PLAN, RECORDING
}
