package org.custodia.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.custodia.shared.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The register and the custody history on H2 and on PostgreSQL. */
class DeviceRepositoryTests {

	static final Instant T0 = Instant.parse("2026-11-02T00:30:00Z");

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void answersWhoHeldADeviceAtAnyMoment(TestDatabases.Kind kind) {
		DataSource dataSource = TestDatabases.migrated(kind);
		DeviceRepository devices = new DeviceRepository(JdbcClient.create(dataSource));
		Device device = new Device(UUID.randomUUID(), "kaifeng-audit", "KF-001", DeviceKind.BODY_CAMERA, "海康威视",
				"DS-MH2311", "SN123", "ZC-2023-01", LocalDate.of(2023, 5, 4), new BigDecimal("2980.00"), null, null,
				"KF001", null, DeviceStatus.IN_STORE, null, T0);
		devices.insert(device);
		UUID officerA = UUID.randomUUID();
		UUID officerB = UUID.randomUUID();
		UUID custodian = UUID.randomUUID();
		handover(devices, device, DeviceEventKind.ISSUED, T0.plusSeconds(3600), custodian, officerA);
		handover(devices, device, DeviceEventKind.COLLECTED, T0.plusSeconds(9 * 3600), custodian, officerA);
		handover(devices, device, DeviceEventKind.ISSUED, T0.plusSeconds(24 * 3600), custodian, officerB);

		assertThat(devices.lastHandoverAt(device.id(), T0)).isEmpty();
		assertThat(devices.lastHandoverAt(device.id(), T0.plusSeconds(2 * 3600)).orElseThrow().officerId()).isEqualTo(officerA);
		assertThat(devices.lastHandoverAt(device.id(), T0.plusSeconds(10 * 3600)).orElseThrow().kind()).isEqualTo(DeviceEventKind.COLLECTED);
		assertThat(devices.lastHandoverAt(device.id(), T0.plusSeconds(30 * 3600)).orElseThrow().officerId()).isEqualTo(officerB);
		assertThat(devices.history(device.id())).extracting(DeviceEvent::kind).containsExactly(DeviceEventKind.ISSUED,
				DeviceEventKind.COLLECTED, DeviceEventKind.ISSUED);

		devices.changeStatus(device.id(), DeviceStatus.ISSUED, officerB);
		Device loaded = devices.find(device.id()).orElseThrow();
		assertThat(loaded.purchasePrice()).isEqualByComparingTo("2980.00");
		assertThat(loaded.purchaseDate()).isEqualTo(LocalDate.of(2023, 5, 4));
		assertThat(loaded.brand()).isEqualTo("海康威视");
		assertThat(devices.list("kaifeng-audit", DeviceStatus.ISSUED, officerB)).extracting(Device::number).containsExactly("KF-001");
		assertThat(devices.list("kaifeng-audit", DeviceStatus.IN_STORE, null)).isEmpty();
		assertThat(devices.numberTaken("kaifeng-audit", "KF-001")).isTrue();
		assertThat(devices.numberTaken("neiqiu-health", "KF-001")).isFalse();
	}

	private static void handover(DeviceRepository devices, Device device, DeviceEventKind kind, Instant at, UUID custodian, UUID officer) {
		devices.insertEvent(new DeviceEvent(UUID.randomUUID(), device.id(), kind, at, custodian, "custodian", officer, true,
				true, true, null, null, "004 art. 12"), device.agency());
	}
}
