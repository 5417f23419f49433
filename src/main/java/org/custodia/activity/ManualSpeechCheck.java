package org.custodia.activity;

import java.util.Optional;

import org.custodia.recording.Recording;
import org.custodia.policy.Text;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The check of last resort: it never hears anything, so a person reviews (the workstation is offline, 004 art. 7). */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ManualSpeechCheck implements SpeechCheck {

	@Override
	public Optional<Heard> listen(Recording recording, Text expected) {
		return Optional.empty();
	}
}
