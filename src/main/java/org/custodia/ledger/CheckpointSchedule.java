package org.custodia.ledger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Signs a checkpoint at least every minute while entries arrive (every 30 seconds by default).
 * Several nodes may run it: checkpoints are keyed by tree size, so they never sign two trees of one size.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "custodia.ledger.checkpoints", havingValue = "true", matchIfMissing = true)
class CheckpointSchedule {

	private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

	private final LedgerCheckpoints checkpoints;

	CheckpointSchedule(LedgerCheckpoints checkpoints) {
		this.checkpoints = checkpoints;
	}

	@Scheduled(initialDelayString = "${custodia.ledger.checkpoint-delay:PT5S}",
			fixedDelayString = "${custodia.ledger.checkpoint-interval:PT30S}")
	void signWhatArrived() {
		try {
			checkpoints.checkpoint();
		}
		catch (RuntimeException e) {
			log.error("Could not sign a ledger checkpoint; the next attempt follows in the next interval", e);
		}
	}
}
