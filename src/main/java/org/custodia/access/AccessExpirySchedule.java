package org.custodia.access;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.custodia.shared.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ends approvals past their end every minute, on one server of several. */
@Configuration(proxyBeanMethods = false)
class AccessExpirySchedule {

	@Bean
	RecurringTask<Void> accessExpiryJob(AccessRequestEnds ends, @Value("${custodia.access.expiry-sweep:PT1M}") Duration interval) {
		return ClusterJobs.every("access-expiry", interval, ends::expireDue);
	}
}
