package org.custodia.fixity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A scheduled run's slice: enough keys that the whole store is read within the period, at least one. */
class FixityPropertiesTests {

	@Test
	void everyKeyIsReadWithinThePeriod() {
		FixityProperties hourly = new FixityProperties(Duration.ofDays(90), true, true, Duration.ofHours(1));
		assertThat(hourly.slice(0)).isZero();
		assertThat(hourly.slice(1)).isEqualTo(1);
		assertThat(hourly.slice(90 * 24)).isEqualTo(1);
		assertThat(hourly.slice(90 * 24 * 1000)).isEqualTo(1000);
		// 2160 runs in 90 days, each reading ceil(n / 2160): n keys in at most 2160 runs
		int keys = 1_000_001;
		assertThat((long) hourly.slice(keys) * 90 * 24).isGreaterThanOrEqualTo(keys);
		assertThat(new FixityProperties(Duration.ofHours(1), true, true, Duration.ofHours(2)).slice(50)).isEqualTo(50);
	}
}
