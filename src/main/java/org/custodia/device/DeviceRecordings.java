package org.custodia.device;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

	DeviceRecordings(DeviceRepository devices, DeviceRegister register) {
		this.devices = devices;
		this.register = register;
	}

	/** Links an imported recording to its device; runs in the import's transaction, beside its ledger entry. */
	@Transactional
	public RecordingLink recorded(UUID deviceId, UUID recordingId, Instant recordedAt) {
		UUID holder = recordedAt == null ? null
				: devices.lastHandoverAt(deviceId, recordedAt)
					.filter(event -> event.kind().equals("ISSUED"))
					.map(DeviceEvent::officerId)
					.orElse(null);
		devices.linkRecording(deviceId, recordingId, recordedAt, holder);
		return new RecordingLink(recordingId, recordedAt, holder);
	}

	@Transactional(readOnly = true)
	public List<RecordingLink> of(Actor actor, UUID deviceId) {
		return devices.recordings(register.get(actor, deviceId).id());
	}
}
