package org.custodia.device;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.custodia.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Looks every five minutes whether the day's collection time has passed with devices still out. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodia.device.reminder-schedule", havingValue = "true", matchIfMissing = true)
class CollectionReminderSchedule {

	private static final Logger log = LoggerFactory.getLogger(CollectionReminderSchedule.class);

	@Bean
	RecurringTask<Void> collectionReminderJob(CollectionReminders reminders,
			@Value("${custodia.device.reminder-interval:PT5M}") Duration interval) {
		return ClusterJobs.every("collection-reminders", interval, () -> {
			int made = reminders.remind();
			if (made > 0) {
				log.info("Reminded custodians and holders of {} devices still out after the collection time", made);
			}
		});
	}
}
