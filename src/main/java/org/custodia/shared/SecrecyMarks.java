package org.custodia.shared;

import java.util.Set;
import java.util.UUID;

/**
 * Which recordings secrecy marks (state secret, trade secret, personal privacy: ACC-9) keep from a person: such a
 * recording is visible only to the people its mark, or its case's mark, names. The access module keeps the marks;
 * the recording register asks here before it shows or lists a recording, so that the others do not learn that it
 * exists.
 */
public interface SecrecyMarks {

	/** The agency's recordings that marks in force keep from the actor (usually none). */
	Set<UUID> hiddenFrom(Actor actor, String agency);

	/** Whether the recording is under a mark in force at all (its public use is refused: 000 art. 17). */
	boolean marked(UUID recordingId, String agency);
}
