package org.custodia.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock every module asks for the time, in the agencies' zone: a device's local time, the end of
 * the working day and a report's month are China's, whatever zone the server's operating system is set to.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock(@Value("${custodia.time-zone:Asia/Shanghai}") ZoneId zone) {
		return Clock.system(zone);
	}
}
