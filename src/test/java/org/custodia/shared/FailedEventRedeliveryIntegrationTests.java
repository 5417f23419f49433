package org.custodia.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose listener failed is offered again by the schedule, not only at the next start; one that
 * keeps failing is offered a bounded number of times and stays in the registry.
 */
@CustodiaIntegrationTest
@Import(FailedEventRedeliveryIntegrationTests.FlakyListenerConfiguration.class)
@TestPropertySource(properties = { "custodia.events.redelivery-schedule=false", "custodia.events.redeliver-after=PT1S",
		"custodia.events.redelivery-attempts=3" })
class FailedEventRedeliveryIntegrationTests {

	record Flaky(String name, int failures) {
	}

	/** Fails the first {@code failures} times it hears an event, then succeeds. */
	static class FlakyListener {

		private final List<String> heard = new CopyOnWriteArrayList<>();

		@ApplicationModuleListener
		void on(Flaky event) {
			heard.add(event.name());
			if (heard(event.name()) <= event.failures()) {
				throw new IllegalStateException("failing on purpose: " + event.name());
			}
		}

		long heard(String name) {
			return heard.stream().filter(name::equals).count();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FlakyListenerConfiguration {

		@Bean
		FlakyListener flakyListener() {
			return new FlakyListener();
		}
	}

	@Autowired
	FlakyListener listener;

	@Autowired
	FailedEventRedelivery redelivery;

	@Autowired
	EventPublicationRegistry registry;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MutableClock clock;

	@Test
	void aFailedDeliveryIsOfferedAgainAndCompletes() {
		Flaky once = new Flaky("once", 1);
		clock.set(Instant.now());
		publish(once);
		await(() -> failed("once"));

		assertThat(redelivery.redeliverFailed()).doesNotContain(once); // not before the pause
		clock.set(Instant.now().plus(Duration.ofMinutes(1)));
		assertThat(redelivery.redeliverFailed()).contains(once);

		await(() -> listener.heard("once") == 2 && incomplete("once") == 0);
		assertThat(redelivery.redeliverFailed()).doesNotContain(once);
	}

	@Test
	void anEventThatKeepsFailingIsOfferedABoundedNumberOfTimesAndKept() {
		Flaky always = new Flaky("always", Integer.MAX_VALUE);
		clock.set(Instant.now());
		publish(always);
		await(() -> failed("always"));
		clock.set(Instant.now().plus(Duration.ofMinutes(1)));

		int offered = 0;
		for (int round = 0; round < 10; round++) {
			// counted before offering: the listener may run and fail before the offer returns
			long heard = listener.heard("always");
			if (redelivery.redeliverFailed().contains(always)) {
				offered++;
				await(() -> listener.heard("always") > heard && failed("always"));
			}
		}

		assertThat(offered).isBetween(1, 3);
		assertThat(incomplete("always")).isEqualTo(1);
	}

	private void publish(Object event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	private boolean failed(String name) {
		return registry.findIncompletePublications().stream()
			.anyMatch(publication -> publication.getEvent() instanceof Flaky flaky && flaky.name().equals(name)
					&& publication.getStatus() == EventPublication.Status.FAILED);
	}

	private long incomplete(String name) {
		return registry.findIncompletePublications().stream()
			.filter(publication -> publication.getEvent() instanceof Flaky flaky && flaky.name().equals(name))
			.count();
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
