package org.custodia.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Delivers again, every few minutes, an event whose listener failed (a database that was briefly gone, a
 * full disk): the registry keeps it, but would otherwise offer it again only when the application restarts,
 * and a server may run for months. A publication is tried a bounded number of times, so that one that can
 * never succeed does not run for ever; it stays in the registry, and in the log, for someone to look at.
 * {@link FailedEventRedeliverySchedule} runs it.
 */
@Component
public class FailedEventRedelivery {

	private static final Logger log = LoggerFactory.getLogger(FailedEventRedelivery.class);

	private final IncompleteEventPublications publications;

	private final Clock clock;

	private final Duration after;

	private final int attempts;

	FailedEventRedelivery(IncompleteEventPublications publications, Clock clock,
			@Value("${custodia.events.redeliver-after:PT5M}") Duration after,
			@Value("${custodia.events.redelivery-attempts:10}") int attempts) {
		this.publications = publications;
		this.clock = clock;
		this.after = after;
		this.attempts = attempts;
	}

	/** Offers again each failed publication older than the pause and tried fewer times than the limit; returns their events. */
	public List<Object> redeliverFailed() {
		Instant before = clock.instant().minus(after);
		List<Object> offered = new CopyOnWriteArrayList<>();
		try {
			publications.resubmitIncompletePublications(publication -> {
				boolean again = publication.getStatus() == EventPublication.Status.FAILED
						&& publication.getPublicationDate().isBefore(before)
						&& publication.getCompletionAttempts() < attempts;
				if (again) {
					offered.add(publication.getEvent());
				}
				return again;
			});
		}
		catch (RuntimeException e) {
			log.error("Failed events could not be offered again; they are tried in the next interval", e);
		}
		if (!offered.isEmpty()) {
			log.info("Offered {} failed event(s) to their listeners again", offered.size());
		}
		return List.copyOf(offered);
	}
}
