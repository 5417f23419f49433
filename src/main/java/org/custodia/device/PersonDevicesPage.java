package org.custodia.device;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A person's devices: what he holds now, and every device he was handed and gave back. */
@Component
public class PersonDevicesPage {

	/** {@code numbers}: the agency's device numbers by id, to name the devices of the handovers. */
	public record View(UserView person, List<Device> held, List<DeviceEvent> handovers, Map<UUID, String> numbers) {
	}

	private final DeviceRegister register;

	private final Users users;

	PersonDevicesPage(DeviceRegister register, Users users) {
		this.register = register;
		this.users = users;
	}

	@Transactional(readOnly = true)
	public View view(Actor actor, UUID userId) {
		UserView person = users.get(actor, userId);
		String agency = person.agency();
		List<Device> held = register.list(actor, agency, DeviceStatus.ISSUED).stream()
			.filter(device -> userId.equals(device.holderId()))
			.toList();
		Map<UUID, String> numbers = new HashMap<>();
		register.list(actor, agency, null).forEach(device -> numbers.put(device.id(), device.number()));
		return new View(person, held, register.handoversOf(actor, agency, userId), numbers);
	}
}
