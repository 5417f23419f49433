package org.custodia.access;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start, closes the viewing sessions a stopped server left open, each with its ledger entry. Never
 * when a command runs ({@code custodia.cli=true}): the server may be running beside it and watching
 * those very sessions, and {@code verify} must write nothing.
 */
@Component
@ConditionalOnProperty(name = "custodia.cli", havingValue = "false", matchIfMissing = true)
class ViewingRecovery {

	private final Viewings viewings;

	ViewingRecovery(Viewings viewings) {
		this.viewings = viewings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void closeLeftOpen() {
		viewings.closeLeftOpen();
	}
}
