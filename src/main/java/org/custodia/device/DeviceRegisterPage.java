package org.custodia.device;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.AgencyView;
import org.custodia.identity.Agencies;
import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The register page (设备登记): an agency's devices, filtered by status, and what the forms offer. */
@Component
public class DeviceRegisterPage {

	public record View(String agency, List<AgencyView> agencies, List<Device> devices, DeviceStatus status,
			List<DeviceStatus> statuses, List<DeviceKind> kinds, AgencyPolicy.Devices rules, Map<UUID, String> names,
			List<UserView> officers) {
	}

	private final DeviceRegister register;

	private final Agencies agencies;

	private final Users users;

	private final Policies policies;

	DeviceRegisterPage(DeviceRegister register, Agencies agencies, Users users, Policies policies) {
		this.register = register;
		this.agencies = agencies;
		this.users = users;
		this.policies = policies;
	}

	@Transactional(readOnly = true)
	public View view(Actor actor, String agency, DeviceStatus status) {
		return new View(agency, agencies.visibleTo(actor), register.list(actor, agency, status), status,
				List.of(DeviceStatus.values()), List.of(DeviceKind.values()), policies.of(agency).devices(),
				users.displayNames(actor, agency), users.officersOf(actor, agency));
	}
}
