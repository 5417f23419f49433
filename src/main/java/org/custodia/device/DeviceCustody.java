package org.custodia.device;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custody of devices (DEV-2…DEV-5): "whoever wears it is responsible", so a device is with one
 * officer or in store, every handover is recorded with its time, and the register answers who held
 * a device at any past moment. Each refusal cites the agency's rule.
 */
@Component
public class DeviceCustody {

	/** The pre-use check of DEV-3: battery charged, storage free, clock set to the current time. */
	public record PreUseCheck(boolean batteryOk, boolean storageOk, boolean clockOk) {
	}

	/** Who held the device at a moment: {@code holderId} is null when it was in store or not yet registered. */
	public record Custody(UUID deviceId, Instant at, UUID holderId, Instant since, String cite) {
	}

	/** A device still out: with whom, since when, and whether it should have come back already. */
	public record Outstanding(Device device, UUID holderId, Instant since, boolean overdue, String cite) {
	}

	private final DeviceRepository devices;

	private final DeviceRegister register;

	private final Users users;

	private final PolicyDecisions decisions;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	DeviceCustody(DeviceRepository devices, DeviceRegister register, Users users, PolicyDecisions decisions,
			Policies policies, Ledger ledger, Clock clock) {
		this.devices = devices;
		this.register = register;
		this.users = users;
		this.decisions = decisions;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Transactional
	public Device issue(Actor actor, UUID deviceId, UUID officerId, PreUseCheck check, String note) {
		Device device = register.get(actor, deviceId);
		AgencyPolicy.Devices rules = permitted(actor, Action.HANDLE_CUSTODY, device);
		requireStatus(device, rules, DeviceStatus.IN_STORE);
		UserView officer = users.get(actor, officerId);
		decisions.decideFor(device.agency(), officer.roles(), Action.CARRY_DEVICE).orRefuseNaming(officer.username());
		// each failed part named, with what to do about it; the parts that passed are not mentioned
		List<String> failed = new ArrayList<>();
		if (rules.preUseCheck().battery() && !check.batteryOk()) {
			failed.add("battery");
		}
		if (rules.preUseCheck().storage() && !check.storageOk()) {
			failed.add("storage");
		}
		if (rules.preUseCheck().clock() && !check.clockOk()) {
			failed.add("clock");
		}
		if (!failed.isEmpty()) {
			Object[] parts = java.util.stream.Stream.of("battery", "storage", "clock")
				.map(part -> new org.springframework.context.support.DefaultMessageSourceResolvable(
						failed.contains(part) ? "devices.check-failed." + part : "devices.check-passed"))
				.toArray();
			throw CustodiaException.refused("rule.pre-use-check-failed", rules.preUseCheck().cite(), parts);
		}
		Instant now = now();
		devices.changeStatus(device.id(), DeviceStatus.ISSUED, officerId);
		record(device, DeviceEventKind.ISSUED, now, actor, officerId, check, null, note, rules.preUseCheck().cite());
		ledger.append(LedgerEvent.by(actor, device.agency(), "device.issued", "device", device.id().toString(),
				Map.of("number", device.number(), "officer", officerId.toString(), "battery", check.batteryOk(), "storage",
						check.storageOk(), "clock", check.clockOk())));
		return register.get(actor, deviceId);
	}

	@Transactional
	public Device collect(Actor actor, UUID deviceId, UUID officerId, String note) {
		Device device = register.get(actor, deviceId);
		AgencyPolicy.Devices rules = permitted(actor, Action.HANDLE_CUSTODY, device);
		if (device.status() != DeviceStatus.ISSUED || !officerId.equals(device.holderId())) {
			throw CustodiaException.refused("rule.device-not-held-by", rules.responsibility().cite(), device.number());
		}
		devices.changeStatus(device.id(), DeviceStatus.IN_STORE, null);
		record(device, DeviceEventKind.COLLECTED, now(), actor, officerId, null, null, note, rules.dailyCollection().cite());
		ledger.append(LedgerEvent.by(actor, device.agency(), "device.collected", "device", device.id().toString(),
				Map.of("number", device.number(), "officer", officerId.toString())));
		return register.get(actor, deviceId);
	}

	/** Who held the device at the moment (now when {@code at} is null): the last issue or collection at or before it. */
	@Transactional(readOnly = true)
	public Custody custodyAt(Actor actor, UUID deviceId, Instant moment) {
		Instant at = moment == null ? clock.instant() : moment;
		Device device = register.get(actor, deviceId);
		String cite = policies.of(device.agency()).devices().responsibility().cite();
		Optional<DeviceEvent> last = devices.lastHandoverAt(device.id(), at);
		return last.filter(event -> event.kind() == DeviceEventKind.ISSUED)
			.map(event -> new Custody(device.id(), at, event.officerId(), event.occurredAt(), cite))
			.orElse(new Custody(device.id(), at, null, last.map(DeviceEvent::occurredAt).orElse(null), cite));
	}

	/** The devices of an agency still out, for the end-of-day collection (000 art. 16, 004 art. 12). */
	@Transactional(readOnly = true)
	public List<Outstanding> outstanding(Actor actor, String agency) {
		decisions.decide(actor, Action.SEE_AGENCY, agency).orThrow();
		String cite = policies.of(agency).devices().dailyCollection().cite();
		LocalDate today = LocalDate.ofInstant(clock.instant(), clock.getZone());
		List<Outstanding> out = new ArrayList<>();
		for (Device device : devices.list(agency, DeviceStatus.ISSUED, null)) {
			Instant since = devices.lastHandoverAt(device.id(), clock.instant()).map(DeviceEvent::occurredAt).orElse(null);
			boolean overdue = since != null && LocalDate.ofInstant(since, clock.getZone()).isBefore(today);
			out.add(new Outstanding(device, device.holderId(), since, overdue, cite));
		}
		return out;
	}

	@Transactional
	public Device reportFault(Actor actor, UUID deviceId, String note) {
		Device device = register.get(actor, deviceId);
		AgencyPolicy.Devices rules = permitted(actor, Action.REPORT_FAULT, device);
		requireStatus(device, rules, DeviceStatus.IN_STORE, DeviceStatus.ISSUED, DeviceStatus.IN_REPAIR);
		return change(actor, device, DeviceEventKind.FAULT_REPORTED, device.status(), device.holderId(), null, note,
				rules.repairRoute().cite(), "device.fault-reported");
	}

	/** Sends a collected device for repair along the agency's route: through finance, or only the vendor. */
	@Transactional
	public Device sendForRepair(Actor actor, UUID deviceId, String note) {
		Device device = register.get(actor, deviceId);
		AgencyPolicy.Devices rules = permitted(actor, Action.HANDLE_CUSTODY, device);
		requireStatus(device, rules, DeviceStatus.IN_STORE);
		return change(actor, device, DeviceEventKind.SENT_FOR_REPAIR, DeviceStatus.IN_REPAIR, null, null,
				rules.repairRoute().route() + (note == null ? "" : ": " + note), rules.repairRoute().cite(),
				"device.sent-for-repair");
	}

	@Transactional
	public Device returnFromRepair(Actor actor, UUID deviceId, String note) {
		Device device = register.get(actor, deviceId);
		AgencyPolicy.Devices rules = permitted(actor, Action.HANDLE_CUSTODY, device);
		requireStatus(device, rules, DeviceStatus.IN_REPAIR);
		return change(actor, device, DeviceEventKind.REPAIRED, DeviceStatus.IN_STORE, null, null, note, rules.repairRoute().cite(),
				"device.repaired");
	}

	/**
	 * Records a loss: the holder at the time is responsible and compensates, at the original price
	 * where the agency says so (004 art. 8) or as assessed (000 art. 12).
	 */
	@Transactional
	public Device reportLoss(Actor actor, UUID deviceId, BigDecimal compensation, String note) {
		Device device = register.get(actor, deviceId);
		AgencyPolicy.Devices rules = permitted(actor, Action.HANDLE_CUSTODY, device);
		requireStatus(device, rules, DeviceStatus.IN_STORE, DeviceStatus.ISSUED, DeviceStatus.IN_REPAIR);
		BigDecimal amount = rules.compensation().atOriginalPrice() && device.purchasePrice() != null
				? device.purchasePrice() : compensation;
		return change(actor, device, DeviceEventKind.LOST, DeviceStatus.LOST, null, amount, note, rules.compensation().cite(),
				"device.lost");
	}

	/**
	 * Records damage: the holder of record answers for it (000 art. 12, 004 art. 8) and the device goes
	 * to repair along the agency's route.
	 */
	@Transactional
	public Device reportDamage(Actor actor, UUID deviceId, BigDecimal compensation, String note) {
		Device device = register.get(actor, deviceId);
		AgencyPolicy.Devices rules = permitted(actor, Action.HANDLE_CUSTODY, device);
		requireStatus(device, rules, DeviceStatus.IN_STORE, DeviceStatus.ISSUED);
		return change(actor, device, DeviceEventKind.DAMAGED, DeviceStatus.IN_REPAIR, null, compensation, note,
				rules.compensation().cite(), "device.damaged");
	}

	@Transactional
	public Device retire(Actor actor, UUID deviceId, String reason) {
		Device device = register.get(actor, deviceId);
		AgencyPolicy.Devices rules = permitted(actor, Action.MANAGE_DEVICES, device);
		requireStatus(device, rules, DeviceStatus.IN_STORE, DeviceStatus.IN_REPAIR, DeviceStatus.LOST);
		if (reason == null || reason.isBlank()) {
			throw CustodiaException.badRequest("error.reason-required");
		}
		return change(actor, device, DeviceEventKind.RETIRED, DeviceStatus.RETIRED, null, null, reason, rules.fixedAsset().cite(),
				"device.retired");
	}

	private Device change(Actor actor, Device device, DeviceEventKind kind, DeviceStatus status, UUID holder, BigDecimal amount,
			String note, String cite, String action) {
		UUID responsible = device.holderId();
		devices.changeStatus(device.id(), status, holder);
		record(device, kind, now(), actor, responsible, null, amount, note, cite);
		Map<String, Object> payload = new HashMap<>();
		payload.put("number", device.number());
		payload.put("from", device.status().name());
		payload.put("to", status.name());
		payload.put("cite", cite);
		if (amount != null) {
			payload.put("amount", amount.toPlainString());
		}
		if (responsible != null) {
			payload.put("holder", responsible.toString());
		}
		ledger.append(LedgerEvent.by(actor, device.agency(), action, "device", device.id().toString(), payload));
		return register.get(actor, device.id());
	}

	private void record(Device device, DeviceEventKind kind, Instant at, Actor actor, UUID officerId, PreUseCheck check,
			BigDecimal amount, String note, String cite) {
		devices.insertEvent(new DeviceEvent(UUID.randomUUID(), device.id(), kind, at, actor.userId(), actor.username(),
				officerId, check == null ? null : check.batteryOk(), check == null ? null : check.storageOk(),
				check == null ? null : check.clockOk(), amount, note, cite), device.agency());
	}

	/** Refuses unless the action is allowed for the actor; returns the agency's device rules. */
	private AgencyPolicy.Devices permitted(Actor actor, Action action, Device device) {
		decisions.decide(actor, action, device.agency()).orThrow();
		return policies.of(device.agency()).devices();
	}

	/** Refuses a device in any other status, citing the rule that its current status falls under. */
	private static void requireStatus(Device device, AgencyPolicy.Devices rules, DeviceStatus... allowed) {
		if (java.util.Arrays.asList(allowed).contains(device.status())) {
			return;
		}
		String cite = switch (device.status()) {
			case IN_REPAIR -> rules.repairRoute().cite();
			case LOST -> rules.compensation().cite();
			case ISSUED -> rules.responsibility().cite();
			default -> rules.fixedAsset().cite();
		};
		throw CustodiaException.refused("rule.device-status", cite, device.number(), statusKey(device.status()));
	}

	static String statusKey(DeviceStatus status) {
		return "status." + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}
}
