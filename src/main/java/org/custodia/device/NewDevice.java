package org.custodia.device;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A device to register: its number is unique in its agency. */
public record NewDevice(@NotBlank String agency, @NotBlank @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$") String number,
		@NotNull DeviceKind kind, @Size(max = 100) String brand, @Size(max = 100) String model,
		@Size(max = 100) String serialNumber, @Size(max = 100) String assetNumber, LocalDate purchaseDate,
		@PositiveOrZero BigDecimal purchasePrice, UUID custodianId, UUID defaultOfficerId,
		@Size(max = 100) String volumeLabel, @Size(max = 100) String volumeSerial) {
}
