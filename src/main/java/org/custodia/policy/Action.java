package org.custodia.policy;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a user may ask to do with a record or with the installation; decided by {@link PolicyDecisions}
 * from the agency's {@code permissions}, where each action appears under its {@link #code()}.
 */
public enum Action {

	/** The case handler views recordings of his own case (ACC-2). */
	VIEW_OWN_CASE(true),
	/** Staff other than the case handler view a recording (ACC-3). */
	VIEW(true),
	/** Make a copy that leaves the archive (ACC-2). */
	COPY(true),
	/** Use a recording in public (ACC-8). */
	PUBLIC_USE(true),
	/** Delete, cut or modify an original (ARC-1): never. */
	MODIFY_ORIGINAL(true),
	/** Dispose of a recording whose retention has ended (RET-1). */
	DISPOSE(true),
	/** Create users and units, assign roles. */
	MANAGE_USERS(false),
	/** See an agency's users, units and policy settings. */
	SEE_AGENCY(false),
	/** Register devices, import the register, retire a device. */
	MANAGE_DEVICES(false),
	/**
	 * Issue and collect devices, record loss and damage. Counts as footage: whoever holds a device
	 * records with it, so the administrator may not hand one out.
	 */
	HANDLE_CUSTODY(true),
	/** Report a device's fault, send it for repair and take it back. */
	REPORT_FAULT(false),
	/** Copy a device's recordings into the store (REC-1: the designated custodian). */
	IMPORT(true),
	/** See the register of stored recordings (what, when, which device): not their content. */
	SEE_RECORDINGS(true),
	/** See cases, enforcement activities and the compliance board. */
	SEE_ACTIVITIES(true),
	/** Enter cases and activities, import an inspection plan, confirm recordings, explain interruptions. */
	RECORD_ACTIVITIES(true),
	/** Review a work record filed because an activity was not recorded (CMP-3). */
	REVIEW_WORK_RECORD(true),
	/** File a reviewed work record, in as many copies as the agency wants (CMP-3, 004 art. 6). */
	FILE_WORK_RECORD(true),
	/** Record whether the start statement and the notification were spoken (REC-5, SUP-1). */
	REVIEW_STATEMENTS(true),
	/** Mark an activity or a recording for long-term keeping because a trigger applies (RET-3). */
	MARK_LONG_TERM(true),
	/** Confirm a recording as an activity's and explain an interruption between its recordings (REC-4). */
	CONFIRM_RECORDINGS(true),
	/** Play back a recording, its poster and seek frames, its clips and proxies. */
	PLAY_BACK(true),
	/** Have a copy made with who, for whom, when and on which request burned in (ACC-2). */
	MAKE_WATERMARKED_COPY(true),
	/** Be told on the home page that a recording's file is missing from the store. */
	SEE_MISSING_ORIGINALS(true),
	/** Read the ledger's entries, sign a checkpoint on demand and run the verification (SUP-1). */
	SEE_LEDGER(false),
	/**
	 * Be issued a device: decided for the person who receives it. Counts as footage: whoever holds a device
	 * records with it.
	 */
	CARRY_DEVICE(true),
	/**
	 * Run 四性检测 (DA/T 70-2018) on a recording, a case or the store: hashes, copies, the ledger, permissions. Reads
	 * no footage to anyone: the administrator may run it.
	 */
	CHECK_FOUR_PROPERTIES(false);

	private final boolean touchesFootage;

	Action(boolean touchesFootage) {
		this.touchesFootage = touchesFootage;
	}

	public boolean touchesFootage() {
		return touchesFootage;
	}

	/** The name in policy files, the API and message keys: {@code play-back} for {@link #PLAY_BACK}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The action of a code ({@code play-back}) or of its constant's name ({@code PLAY_BACK}). */
	public static Action fromCode(String code) {
		return Arrays.stream(values())
			.filter(action -> action.code().equals(code) || action.name().equals(code))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown action: " + code));
	}
}
