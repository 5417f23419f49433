package org.custodia.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Looks every five minutes whether the day's collection time has passed with devices still out. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "custodia.device.reminder-schedule", havingValue = "true", matchIfMissing = true)
class CollectionReminderSchedule {

	private static final Logger log = LoggerFactory.getLogger(CollectionReminderSchedule.class);

	private final CollectionReminders reminders;

	CollectionReminderSchedule(CollectionReminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "${custodia.device.reminder-interval:PT5M}")
	void remindWhatIsStillOut() {
		int made = reminders.remind();
		if (made > 0) {
			log.info("Reminded custodians and holders of {} devices still out after the collection time", made);
		}
	}
}
