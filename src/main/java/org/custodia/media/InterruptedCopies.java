package org.custodia.media;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, hands the derived copies a killed process was making back to the queue. Never when a
 * command runs ({@code custodia.cli=true}): the server beside it may be making them right now.
 */
@Component
@ConditionalOnProperty(name = "custodia.cli", havingValue = "false", matchIfMissing = true)
class InterruptedCopies {

	private final DerivedCopyWork work;

	InterruptedCopies(DerivedCopyWork work) {
		this.work = work;
	}

	@EventListener(ApplicationReadyEvent.class)
	void release() {
		work.releaseInterrupted();
	}
}
