package org.custodia.shared;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Listeners hear events after the publishing transaction commits, on another thread: a test that needs
 * what a listener does (a proxy asked for at import) waits here until the registry holds no publication
 * still to deliver.
 */
public final class EventDeliveries {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private EventDeliveries() {
	}

	public static void awaitAll(EventPublicationRegistry registry) {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		Collection<TargetEventPublication> waiting = registry.findIncompletePublications();
		while (!waiting.isEmpty()) {
			List<TargetEventPublication> failed = waiting.stream()
				.filter(publication -> publication.getStatus() == EventPublication.Status.FAILED)
				.toList();
			if (!failed.isEmpty()) {
				throw new AssertionError("a listener failed: " + describe(failed));
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not delivered within " + PATIENCE + ": " + describe(waiting));
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError("interrupted while waiting for " + describe(waiting));
			}
			waiting = registry.findIncompletePublications();
		}
	}

	private static String describe(Collection<TargetEventPublication> publications) {
		return publications.size() + " publication(s), the first " + publications.stream()
			.findFirst()
			.map(publication -> publication.getEvent() + " to " + publication.getTargetIdentifier() + " ("
					+ publication.getStatus() + ")")
			.orElseThrow();
	}
}
