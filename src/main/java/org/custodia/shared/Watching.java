package org.custodia.shared;

import java.util.UUID;

/**
 * Whether a person may watch a recording now (an approved access request, or the case handler's direct view): asked
 * by pages of modules below the one that decides (the activity page embeds the player only where it will play, and
 * offers an access request elsewhere). The access module answers.
 */
public interface Watching {

	boolean mayWatch(Actor actor, UUID recordingId);
}
