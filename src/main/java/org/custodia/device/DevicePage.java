package org.custodia.device;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.Agencies;
import org.custodia.identity.Users;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.shared.Actor;
import org.custodia.web.Citations;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** One device's page: its register entry, its custody ledger and recordings, and the ledger of a month to print. */
@Component
public class DevicePage {

	/** {@code month}: the current month, offered for the printable ledger. */
	public record View(Device device, List<DeviceEvent> history, List<DeviceRecordings.RecordingLink> recordings,
			Map<UUID, String> names, AgencyPolicy.Devices rules, YearMonth month) {
	}

	/** The printable custody ledger of one month, with the file name it is downloaded under. */
	public record Sheet(String filename, byte[] pdf) {
	}

	private final DeviceRegister register;

	private final DeviceRecordings recordings;

	private final Agencies agencies;

	private final Users users;

	private final Policies policies;

	private final MessageSource messages;

	private final Citations citations;

	private final Clock clock;

	DevicePage(DeviceRegister register, DeviceRecordings recordings, Agencies agencies, Users users, Policies policies,
			MessageSource messages, Citations citations, Clock clock) {
		this.citations = citations;
		this.register = register;
		this.recordings = recordings;
		this.agencies = agencies;
		this.users = users;
		this.policies = policies;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public View view(Actor actor, UUID id) {
		Device device = register.get(actor, id);
		return new View(device, register.history(actor, id), recordings.of(actor, id),
				users.displayNames(actor, device.agency()), policies.of(device.agency()).devices(), YearMonth.now(clock));
	}

	/** The custody ledger (台账) of the month, the current one when none is given, as a PDF page. */
	@Transactional(readOnly = true)
	public Sheet ledger(Actor actor, UUID id, YearMonth month) {
		Device device = register.get(actor, id);
		YearMonth period = month == null ? YearMonth.now(clock) : month;
		List<DeviceEvent> events = register.history(actor, id).stream()
			.filter(event -> YearMonth.from(event.occurredAt().atZone(clock.getZone())).equals(period))
			.toList();
		byte[] pdf = DeviceLedgerSheet.render(device, agencies.get(actor, device.agency()).nameZh(), period, events,
				users.displayNames(actor, device.agency()), clock.getZone(), messages,
				cite -> cite == null ? "" : citations.display(cite, Locale.SIMPLIFIED_CHINESE, true));
		return new Sheet("device-" + device.number() + "-" + period + ".pdf", pdf);
	}
}
