package org.custodia.device;

/** What a line of a device's custody ledger records; stored and shown by its name. */
public enum DeviceEventKind {
	REGISTERED, ISSUED, COLLECTED, FAULT_REPORTED, SENT_FOR_REPAIR, REPAIRED, LOST, DAMAGED, RETIRED,
	/** The times of the files imported from the device point at a wrong clock. */
	CLOCK_SUSPECT
}
