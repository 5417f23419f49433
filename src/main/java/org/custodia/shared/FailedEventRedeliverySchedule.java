package org.custodia.shared;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Offers failed events to their listeners again every five minutes (tests run it by hand). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodia.events.redelivery-schedule", havingValue = "true", matchIfMissing = true)
class FailedEventRedeliverySchedule {

	@Bean
	RecurringTask<Void> failedEventRedeliveryJob(FailedEventRedelivery redelivery,
			@Value("${custodia.events.redelivery-interval:PT5M}") Duration interval) {
		return ClusterJobs.every("failed-event-redelivery", interval, redelivery::redeliverFailed);
	}
}
