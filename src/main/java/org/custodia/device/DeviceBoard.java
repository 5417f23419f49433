package org.custodia.device;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Today's devices of an agency (今日设备): what is still out and what is in store, and the custodian's
 * one scan of a device number, which collects a device that is out from its holder and issues any
 * other with the pre-use check. The page and the API scan alike.
 */
@Component
public class DeviceBoard {

	/** The board: the devices out (with whom, since when), those in store, the officers to issue to. */
	public record View(String agency, List<DeviceCustody.Outstanding> outstanding, List<Device> inStore,
			List<UserView> officers, Map<UUID, String> names, AgencyPolicy.Devices rules) {
	}

	/** What a scan did: {@code ISSUED} or {@code COLLECTED}, and the device afterwards. */
	public record Scan(DeviceEventKind handover, Device device) {
	}

	private final DeviceRegister register;

	private final DeviceCustody custody;

	private final Users users;

	private final Policies policies;

	DeviceBoard(DeviceRegister register, DeviceCustody custody, Users users, Policies policies) {
		this.register = register;
		this.custody = custody;
		this.users = users;
		this.policies = policies;
	}

	@Transactional(readOnly = true)
	public View view(Actor actor, String agency) {
		return new View(agency, custody.outstanding(actor, agency), register.list(actor, agency, DeviceStatus.IN_STORE),
				users.officersOf(actor, agency), users.displayNames(actor, agency), policies.of(agency).devices());
	}

	/**
	 * One scan of a device number: collects the device from its holder when it is out, else issues it to
	 * the officer given or, when none is, to the device's default officer, after the pre-use check.
	 */
	@Transactional
	public Scan scan(Actor actor, String agency, String number, UUID officerId, DeviceCustody.PreUseCheck check,
			String note) {
		Device device = register.byNumber(actor, agency, number);
		if (device.status() == DeviceStatus.ISSUED) {
			return new Scan(DeviceEventKind.COLLECTED, custody.collect(actor, device.id(), device.holderId(), note));
		}
		UUID officer = officerId != null ? officerId : device.defaultOfficerId();
		if (officer == null) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "error.field-required", null, Map.of("field", "officerId"),
					new DefaultMessageSourceResolvable("devices.officer"));
		}
		return new Scan(DeviceEventKind.ISSUED, custody.issue(actor, device.id(), officer, check, note));
	}
}
