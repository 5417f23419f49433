package org.custodia.activity;

import java.util.Optional;

import org.custodia.recording.Recording;
import org.custodia.policy.Text;

/**
 * Whether a sentence was spoken on a recording: the extension point for automatic speech recognition
 * (REC-5). Every bean of this type is asked in order; the first that can tell answers. Today only
 * {@link ManualSpeechCheck} exists, which never can, so a reviewer listens beside the player.
 */
public interface SpeechCheck {

	/** What a check heard: spoken or not, how sure, and which method (e.g. the engine's name). */
	record Heard(boolean spoken, double confidence, String method) {
	}

	/**
	 * Listens for the expected words on the recording.
	 *
	 * @param expected the agency's sentence, or a description of what must be said where none is fixed
	 * @return empty when this check cannot tell
	 */
	Optional<Heard> listen(Recording recording, Text expected);
}
