package org.custodia.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a device's custody ledger: registration, issue (with the pre-use check), collection,
 * fault, repair, loss, damage, retirement; {@code cite} names the rule applied.
 */
public record DeviceEvent(UUID id, UUID deviceId, DeviceEventKind kind, Instant occurredAt, UUID actorId, String actorName,
		UUID officerId, Boolean batteryOk, Boolean storageOk, Boolean clockOk, BigDecimal amount, String note,
		String cite) {
}
