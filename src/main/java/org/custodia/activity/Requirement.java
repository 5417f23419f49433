package org.custodia.activity;

/** What the agency's lists require of an activity type: it must be recorded, it may be, or it is on no list. */
public enum Requirement {
	MUST, MAY, NONE;

	/** Must or may be recorded: the activity counts against the list, recorded or explained by a work record. */
	public boolean listed() {
		return this != NONE;
	}
}
