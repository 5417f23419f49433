package org.custodia.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Makes requested copies every few seconds, so a proxy is ready soon after an import asks for it. Every server works
 * at once (not one, as ClusterJobs would have it): each copy is claimed by one of them, so they share the work.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "custodia.media.work-schedule", havingValue = "true", matchIfMissing = true)
class MediaSchedule {

	private static final Logger log = LoggerFactory.getLogger(MediaSchedule.class);

	private final DerivedCopies copies;

	MediaSchedule(DerivedCopies copies) {
		this.copies = copies;
	}

	@Scheduled(initialDelayString = "${custodia.media.work-delay:PT10S}", fixedDelayString = "${custodia.media.work-interval:PT5S}")
	void workPending() {
		try {
			int finished = copies.workPending();
			if (finished > 0) {
				log.info("{} derived copies made", finished);
			}
		}
		catch (RuntimeException e) {
			log.error("making derived copies failed; it is tried again in the next interval", e);
		}
	}
}
