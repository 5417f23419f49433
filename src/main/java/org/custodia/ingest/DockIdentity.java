package org.custodia.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.custodia.device.Device;
import org.custodia.device.DeviceRegister;
import org.custodia.device.DeviceStatus;
import org.custodia.shared.CustodiaException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Says which registered device a docked volume is: by the identity file at its root first, else by
 * the volume label or serial in the register. Anything else is refused, with the reason: a volume is
 * never imported without a device, and a lost or retired device's volume is not imported at all.
 */
@Component
class DockIdentity {

	/** Either the device, or why the volume is refused (a message key and its arguments). */
	record Identity(Device device, String refusal, List<Object> arguments) {

		static Identity of(Device device) {
			return new Identity(device, null, List.of());
		}

		static Identity refused(String reason, Object... arguments) {
			return new Identity(null, reason, List.of(arguments));
		}

		boolean isRefused() {
			return refusal != null;
		}
	}

	/** An identity file is a few lines; anything longer is not one. */
	private static final int MAX_IDENTITY_BYTES = 4096;

	private final DeviceRegister register;

	private final DockProperties properties;

	DockIdentity(DeviceRegister register, DockProperties properties) {
		this.register = register;
		this.properties = properties;
	}

	/** Whether the folder looks like a recognised device's volume, without judging its status. */
	boolean recognises(Path folder) {
		return Files.isRegularFile(folder.resolve(properties.identityFile()), LinkOption.NOFOLLOW_LINKS)
				|| register.byVolume(folder.getFileName().toString(), null).isPresent();
	}

	Identity identify(DockVolumes.Volume volume) {
		Path file = volume.root().resolve(properties.identityFile());
		Optional<Device> byVolume = register.byVolume(volume.label(), volume.serial());
		Device device;
		if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			Map<String, String> named = read(file);
			String agency = named.get("agency");
			String number = named.get("device");
			if (agency == null || number == null) {
				return Identity.refused("dock.refused.identity-invalid", volume.name(), properties.identityFile());
			}
			try {
				device = register.byNumber(WorkstationCustodian.dock(volume.name(), agency), agency, number);
			}
			catch (CustodiaException e) {
				return Identity.refused("dock.refused.mismatch", volume.name(), agency, number);
			}
			if (byVolume.isPresent() && !byVolume.get().id().equals(device.id())) {
				return Identity.refused("dock.refused.mismatch", volume.name(), agency, number);
			}
		}
		else if (byVolume.isPresent()) {
			device = byVolume.get();
		}
		else {
			return Identity.refused("dock.refused.unknown", volume.name(), volume.serial() == null ? "—" : volume.serial(),
					properties.identityFile());
		}
		if (device.status() == DeviceStatus.LOST || device.status() == DeviceStatus.RETIRED) {
			return new Identity(device, "dock.refused.status",
					List.of(volume.name(), device.number(), new DefaultMessageSourceResolvable(
							"status." + device.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))));
		}
		return Identity.of(device);
	}

	/** {@code key=value} lines; blank lines and lines starting with {@code #} are ignored, keys are case-blind. */
	static Map<String, String> parse(String text) {
		Map<String, String> values = new HashMap<>();
		for (String line : text.lines().toList()) {
			String stripped = line.strip();
			int equals = stripped.indexOf('=');
			if (stripped.isEmpty() || stripped.startsWith("#") || equals < 1) {
				continue;
			}
			String value = stripped.substring(equals + 1).strip();
			if (!value.isEmpty()) {
				values.put(stripped.substring(0, equals).strip().toLowerCase(java.util.Locale.ROOT), value);
			}
		}
		return values;
	}

	/** The identity file's {@code key=value} lines; empty when it cannot be read. */
	static Map<String, String> read(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			String text = new String(in.readNBytes(MAX_IDENTITY_BYTES), StandardCharsets.UTF_8);
			return parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
		}
		catch (IOException e) {
			return Map.of();
		}
	}
}
