package org.custodia.retention;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.custodia.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Carries out approved disposals whose wait has passed, on one server of a cluster (db-scheduler), every
 * {@code custodia.retention.disposal-interval} (an hour by default); each run and each start first finishes removals a
 * crash interrupted. Off with {@code custodia.retention.disposal-schedule=false} (tests, the command line).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodia.retention.disposal-schedule", havingValue = "true", matchIfMissing = true)
class DisposalSchedule {

	private static final Logger log = LoggerFactory.getLogger(DisposalSchedule.class);

	private final Disposals disposals;

	DisposalSchedule(Disposals disposals) {
		this.disposals = disposals;
	}

	@Bean
	RecurringTask<Void> disposalTask(@Value("${custodia.retention.disposal-interval:PT1H}") Duration interval) {
		return ClusterJobs.every("retention-disposal", interval, this::run);
	}

	@EventListener(ApplicationReadyEvent.class)
	void finishInterruptedRemovals() {
		try {
			int finished = disposals.finishRemovals();
			if (finished > 0) {
				log.warn("Finished removing the files of {} disposals a stop had interrupted", finished);
			}
		}
		catch (RuntimeException e) {
			log.error("Could not finish interrupted disposals at start; the disposal job tries again", e);
		}
	}

	void run() {
		try {
			int done = disposals.executeDue();
			if (done > 0) {
				log.info("Carried out {} approved disposals", done);
			}
		}
		catch (RuntimeException e) {
			log.error("The disposal run failed; it is tried again in the next interval", e);
		}
	}
}
