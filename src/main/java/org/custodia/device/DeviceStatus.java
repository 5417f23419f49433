package org.custodia.device;

/** Where a device is: in store, with an officer, at the repairer, lost, or retired for good. */
public enum DeviceStatus {
	IN_STORE, ISSUED, IN_REPAIR, LOST, RETIRED
}
