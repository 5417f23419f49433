/**
 * Cases (案件) and enforcement activities (执法活动) against the agency's list of what must be recorded:
 * the recordings confirmed for each activity, the work record filed when one was not recorded,
 * interruptions and their reasons, the start statement and notification, long-term marks, and the
 * compliance board that makes an activity without recording or explanation impossible to overlook.
 * Recordings are the recording module's, reached through its register by id.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "ledger", "policy", "identity", "recording",
		"device", "web" })
package org.custodia.activity;
