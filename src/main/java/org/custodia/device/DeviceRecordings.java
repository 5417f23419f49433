package org.custodia.device;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Policies;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What each device recorded, as imported, with whoever held it at that moment (DEV-2, 001 art. 4). */
@Component
public class DeviceRecordings {

	/** One recording of a device: when it was recorded and who held the device then (null when in store). */
	public record RecordingLink(UUID recordingId, Instant recordedAt, UUID holderId) {
	}

	private final DeviceRepository devices;

	private final DeviceRegister register;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	DeviceRecordings(DeviceRepository devices, DeviceRegister register, Policies policies, Ledger ledger, Clock clock) {
		this.devices = devices;
		this.register = register;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
	}

	/**
	 * Notes on the device that the times its files claim point at a wrong clock (DEV-3: the clock is
	 * set before use); the finding stays in the device's history. Runs in the import's transaction.
	 */
	@Transactional
	public void clockSuspect(Actor actor, UUID deviceId, String finding, int files, String example) {
		Device device = devices.find(deviceId).orElseThrow();
		String cite = policies.of(device.agency()).devices().preUseCheck().cite();
		String note = finding + ": " + files + " × " + example;
		devices.insertEvent(new DeviceEvent(UUID.randomUUID(), deviceId, DeviceEventKind.CLOCK_SUSPECT, clock.instant(), actor.userId(),
				actor.username(), null, null, null, false, null, note.length() > 1000 ? note.substring(0, 1000) : note, cite),
				device.agency());
		ledger.append(LedgerEvent.by(actor, device.agency(), "device.clock-suspect", "device", deviceId.toString(),
				Map.of("number", device.number(), "finding", finding, "files", files, "example", example)));
	}

	/** Who held the device at that moment by its custody ledger (issued to him and not yet collected); empty when nobody or unknown. */
	@Transactional(readOnly = true)
	public Optional<UUID> holderAt(UUID deviceId, Instant at) {
		return at == null ? Optional.empty()
				: devices.lastHandoverAt(deviceId, at)
					.filter(event -> event.kind() == DeviceEventKind.ISSUED)
					.map(DeviceEvent::officerId);
	}

	/** Links an imported recording to its device; runs in the import's transaction, beside its ledger entry. */
	@Transactional
	public RecordingLink recorded(UUID deviceId, UUID recordingId, Instant recordedAt) {
		UUID holder = holderAt(deviceId, recordedAt).orElse(null);
		devices.linkRecording(deviceId, recordingId, recordedAt, holder);
		return new RecordingLink(recordingId, recordedAt, holder);
	}

	/**
	 * When the device came back to the unit after a recording ended: its first collection in the custody
	 * ledger at or after that moment (001 art. 13, 002 art. 13: "返回单位后"); empty when none is recorded.
	 */
	@Transactional(readOnly = true)
	public Optional<Instant> returnedAfter(UUID deviceId, Instant recordingEnd) {
		return devices.firstCollectionFrom(deviceId, recordingEnd);
	}

	@Transactional(readOnly = true)
	public List<RecordingLink> of(Actor actor, UUID deviceId) {
		return devices.recordings(register.get(actor, deviceId).id());
	}
}
