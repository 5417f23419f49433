package org.custodia.fixity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the store is read again.
 *
 * @param period the whole store is read within this period (default 90 days)
 * @param repair whether a bad or missing copy is replaced from a good one
 * @param schedule whether the sweep runs on its own (off in tests and on the command line)
 * @param interval how often a scheduled run takes its slice of the keys read longest ago
 */
@ConfigurationProperties("custodia.fixity")
record FixityProperties(@DefaultValue("P90D") Duration period, @DefaultValue("true") boolean repair,
		@DefaultValue("true") boolean schedule, @DefaultValue("PT1H") Duration interval) {

	/** How many of {@code total} keys a scheduled run reads so that all are read within the period. */
	int slice(int total) {
		if (total == 0) {
			return 0;
		}
		double share = (double) interval.toMillis() / Math.max(1, period.toMillis());
		return (int) Math.min(total, Math.max(1, Math.ceil(total * share)));
	}
}
