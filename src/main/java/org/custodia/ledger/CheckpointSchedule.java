package org.custodia.ledger;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import org.custodia.shared.ClusterJobs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Signs a checkpoint at least every minute while entries arrive (every 30 seconds by default).
 * One server of several runs it at a time (ClusterJobs); checkpoints are keyed by tree size besides, so no two
 * trees of one size are ever signed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodia.ledger.checkpoints", havingValue = "true", matchIfMissing = true)
class CheckpointSchedule {

	@Bean
	RecurringTask<Void> ledgerCheckpointJob(LedgerCheckpoints checkpoints,
			@Value("${custodia.ledger.checkpoint-delay:PT5S}") Duration firstAfter,
			@Value("${custodia.ledger.checkpoint-interval:PT30S}") Duration interval) {
		return ClusterJobs.every("ledger-checkpoint", firstAfter, interval, checkpoints::checkpoint);
	}
}
