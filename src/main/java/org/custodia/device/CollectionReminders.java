package org.custodia.device;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.policy.Action;
import org.custodia.policy.AgencyPolicy;
import org.custodia.policy.Policies;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.Notices;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end-of-day collection (000 art. 16, 004 art. 12): after the collection time, every device
 * still out is remembered once per day, and both the custodian and the holder are reminded.
 */
@Component
class CollectionReminders implements Notices {

	private final JdbcClient jdbc;

	private final DeviceRepository devices;

	private final Policies policies;

	private final Ledger ledger;

	private final Clock clock;

	private final MessageSource messages;

	private final LocalTime collectionTime;

	private final PolicyDecisions decisions;

	CollectionReminders(JdbcClient jdbc, DeviceRepository devices, Policies policies, Ledger ledger, Clock clock,
			MessageSource messages, @Value("${custodia.device.collection-time:18:00}") LocalTime collectionTime,
			PolicyDecisions decisions) {
		this.decisions = decisions;
		this.jdbc = jdbc;
		this.devices = devices;
		this.policies = policies;
		this.ledger = ledger;
		this.clock = clock;
		this.messages = messages;
		this.collectionTime = collectionTime;
	}

	/** After the collection time: one reminder per device still out today. Returns how many were new. */
	@Transactional
	public int remind() {
		ZonedDateTime now = ZonedDateTime.now(clock);
		if (now.toLocalTime().isBefore(collectionTime)) {
			return 0;
		}
		int made = 0;
		for (AgencyPolicy policy : policies.all()) {
			if (!policy.devices().dailyCollection().value()) {
				continue;
			}
			for (Device device : devices.list(policy.code(), DeviceStatus.ISSUED, null)) {
				if (remindedToday(device.id(), now.toLocalDate())) {
					continue;
				}
				try {
					jdbc.sql("""
							insert into device_reminder (id, agency_code, device_id, holder_id, reminder_day, created_at)
							values (:id, :agency, :device, :holder, :day, :at)""")
						.param("id", UUID.randomUUID())
						.param("agency", policy.code())
						.param("device", device.id())
						.param("holder", device.holderId())
						.param("day", Date.valueOf(now.toLocalDate()))
						.param("at", Timestamp.from(now.toInstant()))
						.update();
				}
				catch (DuplicateKeyException e) {
					continue;
				}
				ledger.append(LedgerEvent.bySystem("daily-collection", policy.code(), "device.collection-reminder", "device",
						device.id().toString(), Map.of("number", device.number(), "holder", device.holderId().toString(),
								"cite", policy.devices().dailyCollection().cite())));
				made++;
			}
		}
		return made;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Notice> noticesFor(Actor actor, Locale locale) {
		if (actor.agency().isEmpty()) {
			return List.of();
		}
		String agency = actor.agency().get();
		LocalDate today = LocalDate.now(clock);
		List<Notice> notices = new ArrayList<>();
		List<Object[]> open = jdbc.sql("""
				select r.holder_id, d.number from device_reminder r join device_device d on d.id = r.device_id
				where r.agency_code = :agency and r.reminder_day = :day and d.status = :issued and d.holder_id = r.holder_id
				order by d.number""")
			.param("agency", agency)
			.param("day", Date.valueOf(today))
			.param("issued", DeviceStatus.ISSUED.name())
			.query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2) })
			.list();
		String cite = policies.of(agency).devices().dailyCollection().cite();
		// The list goes to whoever collects devices in this agency (its handle-custody permission).
		if (!open.isEmpty() && decisions.decide(actor, Action.HANDLE_CUSTODY, agency).isAllowed()) {
			notices.add(new Notice(messages.getMessage("devices.reminder.custodian", new Object[] { open.size(),
					String.join("、", open.stream().map(row -> (String) row[1]).toList()), cite }, locale), "/devices/board"));
		}
		for (Object[] row : open) {
			if (actor.userId().equals(row[0])) {
				notices.add(new Notice(messages.getMessage("devices.reminder.holder", new Object[] { row[1], cite }, locale),
						"/devices/person/" + actor.userId()));
			}
		}
		return notices;
	}

	private boolean remindedToday(UUID deviceId, LocalDate day) {
		return jdbc.sql("select count(*) from device_reminder where device_id = :device and reminder_day = :day")
			.param("device", deviceId)
			.param("day", Date.valueOf(day))
			.query(Long.class)
			.single() > 0;
	}
}
