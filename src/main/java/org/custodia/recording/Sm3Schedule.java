package org.custodia.recording;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the SM3 backfill every minute, so every original shows both hashes within minutes of its import. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "custodia.ingest.sm3-schedule", havingValue = "true", matchIfMissing = true)
class Sm3Schedule {

	private static final Logger log = LoggerFactory.getLogger(Sm3Schedule.class);

	private final Sm3Backfill backfill;

	Sm3Schedule(Sm3Backfill backfill) {
		this.backfill = backfill;
	}

	@Scheduled(initialDelayString = "${custodia.ingest.sm3-delay:PT20S}", fixedDelayString = "${custodia.ingest.sm3-interval:PT1M}")
	void computeMissing() {
		try {
			int computed = backfill.computeMissing();
			if (computed > 0) {
				log.info("SM3 computed for {} recordings", computed);
			}
		}
		catch (RuntimeException e) {
			log.error("SM3 backfill failed; it is tried again in the next interval", e);
		}
	}
}
