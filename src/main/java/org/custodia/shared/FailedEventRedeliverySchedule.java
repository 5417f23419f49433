package org.custodia.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Offers failed events to their listeners again every five minutes (tests run it by hand). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "custodia.events.redelivery-schedule", havingValue = "true", matchIfMissing = true)
class FailedEventRedeliverySchedule {

	private final FailedEventRedelivery redelivery;

	FailedEventRedeliverySchedule(FailedEventRedelivery redelivery) {
		this.redelivery = redelivery;
	}

	@Scheduled(initialDelayString = "${custodia.events.redelivery-interval:PT5M}",
			fixedDelayString = "${custodia.events.redelivery-interval:PT5M}")
	void redeliverFailed() {
		redelivery.redeliverFailed();
	}
}
