package org.custodia.device;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A registered device as the register shows it, with its current holder when it is out. */
public record Device(UUID id, String agency, String number, DeviceKind kind, String brand, String model,
		String serialNumber, String assetNumber, LocalDate purchaseDate, BigDecimal purchasePrice, UUID custodianId,
		UUID defaultOfficerId, String volumeLabel, String volumeSerial, DeviceStatus status, UUID holderId,
		Instant createdAt) {
}
