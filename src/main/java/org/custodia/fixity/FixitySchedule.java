package org.custodia.fixity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;

/**
 * The sweep on its own, once across servers (db-scheduler): every {@code custodia.fixity.interval} the slice
 * of keys read longest ago, so that the whole store is read within {@code custodia.fixity.period}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodia.fixity.schedule", havingValue = "true", matchIfMissing = true)
class FixitySchedule {

	@Bean
	RecurringTask<Void> fixitySweep(FixitySweeps sweeps, FixityProperties properties) {
		return Tasks.recurring("fixity-sweep", new AfterAnInterval(FixedDelay.of(properties.interval()), properties.interval()))
			.execute((instance, context) -> sweeps.runSlice());
	}

	/** Every interval, the first one interval after the job is first scheduled, not at once as the server starts. */
	record AfterAnInterval(FixedDelay delay, java.time.Duration interval) implements Schedule, java.io.Serializable {

		@Override
		public java.time.Instant getNextExecutionTime(ExecutionComplete complete) {
			return delay.getNextExecutionTime(complete);
		}

		@Override
		public java.time.Instant getInitialExecutionTime(java.time.Instant now) {
			return now.plus(interval);
		}

		@Override
		public boolean isDeterministic() {
			return delay.isDeterministic();
		}
	}
}
