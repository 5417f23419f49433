package org.custodia.device;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code custodia.demo=true}: four devices per agency and three weeks of custody history
 * (issued each working morning, collected each evening), one device out today and one in repair.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "custodia.demo", havingValue = "true")
class DemoDevices implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDevices.class);

	private final DeviceRepository devices;

	private final Users users;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	private final TransactionTemplate transactions;


	DemoDevices(DeviceRepository devices, Users users, Policies policies, Ledger ledger, Clock clock,
			TransactionTemplate transactions) {
		this.devices = devices;
		this.users = users;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		for (AgencyPolicy policy : policies.all()) {
			Optional<UserView> custodian = users.findForSystem(policy.code() + ".custodian");
			Optional<UserView> officer = users.findForSystem(policy.code() + ".officer");
			if (custodian.isEmpty() || officer.isEmpty() || !devices.list(policy.code(), null, null).isEmpty()) {
				continue;
			}
			transactions.executeWithoutResult(status -> fill(policy, custodian.get(), officer.get()));
		}
	}

	private void fill(AgencyPolicy policy, UserView custodian, UserView officer) {
		String prefix = policy.agency().seed() + "-ZFJLY-";
		LocalDate today = LocalDate.now(clock);
		Instant registered = today.minusDays(30).atTime(9, 0).atZone(clock.getZone()).toInstant();
		for (int n = 1; n <= 4; n++) {
			DeviceKind kind = n == 4 ? DeviceKind.AUDIO_RECORDER : DeviceKind.BODY_CAMERA;
			Device device = new Device(UUID.randomUUID(), policy.code(), prefix + "00" + n, kind, n == 4 ? "索尼" : "海康威视",
					n == 4 ? "ICD-UX570" : "DS-MH2311", "DEMO-SN-" + policy.agency().seed() + n, "ZC-DEMO-" + n,
					today.minusYears(1), new BigDecimal(n == 4 ? "899.00" : "2980.00"), custodian.id(), officer.id(),
					"ZFJLY" + n, null, DeviceStatus.IN_STORE, null, registered);
			devices.insert(device);
			event(policy, device, DeviceEventKind.REGISTERED, registered, custodian, null, null, policy.devices().fixedAsset().cite());
			if (n <= 2) {
				for (LocalDate day = today.minusDays(21); day.isBefore(today); day = day.plusDays(1)) {
					if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
						continue;
					}
					event(policy, device, DeviceEventKind.ISSUED, at(day, 8, 30 + n), custodian, officer.id(), null,
							policy.devices().preUseCheck().cite());
					event(policy, device, DeviceEventKind.COLLECTED, at(day, 17, 30 + n), custodian, officer.id(), null,
							policy.devices().dailyCollection().cite());
				}
			}
			if (n == 1) {
				event(policy, device, DeviceEventKind.ISSUED, at(today, 8, 31), custodian, officer.id(), null, policy.devices().preUseCheck().cite());
				devices.changeStatus(device.id(), DeviceStatus.ISSUED, officer.id());
			}
			if (n == 3) {
				event(policy, device, DeviceEventKind.FAULT_REPORTED, at(today.minusDays(2), 10, 0), custodian, null, "无法开机",
						policy.devices().repairRoute().cite());
				event(policy, device, DeviceEventKind.SENT_FOR_REPAIR, at(today.minusDays(1), 9, 0), custodian, null,
						policy.devices().repairRoute().route(), policy.devices().repairRoute().cite());
				devices.changeStatus(device.id(), DeviceStatus.IN_REPAIR, null);
			}
		}
		log.info("Demo devices with three weeks of custody history added for {}", policy.code());
	}

	private Instant at(LocalDate day, int hour, int minute) {
		Instant moment = day.atTime(LocalTime.of(hour, minute)).atZone(clock.getZone()).toInstant();
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return moment.isAfter(now) ? now : moment;
	}

	private void event(AgencyPolicy policy, Device device, DeviceEventKind kind, Instant at, UserView custodian, UUID officer,
			String note, String cite) {
		boolean issue = kind == DeviceEventKind.ISSUED;
		devices.insertEvent(new DeviceEvent(UUID.randomUUID(), device.id(), kind, at, custodian.id(), custodian.username(),
				officer, issue ? true : null, issue ? true : null, issue ? true : null, null, note, cite), policy.code());
		ledger.append(LedgerEvent.bySystem("demo", policy.code(), "device." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), "device",
				device.id().toString(), Map.of("number", device.number(), "at", at.toString(), "demo", true)));
	}
}
