package org.custodia.fixity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.custodia.shared.ClusterJobs;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sweep on its own, once across servers (db-scheduler): every {@code custodia.fixity.interval} the slice
 * of keys read longest ago, so that the whole store is read within {@code custodia.fixity.period}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodia.fixity.schedule", havingValue = "true", matchIfMissing = true)
class FixitySchedule {

	@Bean
	RecurringTask<Void> fixitySweep(FixitySweeps sweeps, FixityProperties properties) {
		return ClusterJobs.every("fixity-sweep", properties.interval(), sweeps::runSlice);
	}
}
