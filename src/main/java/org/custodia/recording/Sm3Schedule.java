package org.custodia.recording;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.custodia.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the SM3 backfill every minute, so every original shows both hashes within minutes of its import. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodia.ingest.sm3-schedule", havingValue = "true", matchIfMissing = true)
class Sm3Schedule {

	private static final Logger log = LoggerFactory.getLogger(Sm3Schedule.class);

	@Bean
	RecurringTask<Void> sm3BackfillJob(Sm3Backfill backfill, @Value("${custodia.ingest.sm3-interval:PT1M}") Duration interval) {
		return ClusterJobs.every("sm3-backfill", interval, () -> {
			int computed = backfill.computeMissing();
			if (computed > 0) {
				log.info("SM3 computed for {} recordings", computed);
			}
		});
	}
}
