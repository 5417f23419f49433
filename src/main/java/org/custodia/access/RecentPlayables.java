package org.custodia.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.custodia.shared.Actor;
import org.custodia.shared.Role;
import org.custodia.storage.BlobStore;
import org.springframework.stereotype.Component;

/**
 * Playback decisions made a moment ago. A player fetches a recording in many byte ranges a second; the
 * first request of a user for an object is checked in full (recording, rights, stored file) and the
 * ranges that follow within {@link #FRESH} reuse that answer, as a signed streaming address would, but
 * for seconds only. The key holds the user's roles, so a changed role is a new decision; refusals are
 * never kept.
 */
@Component
class RecentPlayables {

	static final Duration FRESH = Duration.ofSeconds(5);

	private static final int MOST = 10_000;

	private record Key(UUID userId, Set<Role> roles, UUID recordingId, String object) {
	}

	/** A playback allowed, and where the store keeps its file. */
	record Decided(Playable playable, String storeKey) {
	}

	private record Recent(Decided decided, Instant decidedAt) {
	}

	private final Map<Key, Recent> recent = new ConcurrentHashMap<>();

	private final BlobStore store;

	private final Clock clock;

	RecentPlayables(BlobStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	Playable playable(Actor actor, UUID recordingId, String object, Supplier<Decided> decide) {
		Key key = new Key(actor.userId(), Set.copyOf(actor.roles()), recordingId, object);
		Instant now = clock.instant();
		Recent found = recent.get(key);
		// A file gone from the store since is decided again, so that it is reported missing at once.
		if (found != null && now.isBefore(found.decidedAt().plus(FRESH)) && store.exists(found.decided().storeKey())) {
			return found.decided().playable();
		}
		Decided decided = decide.get();
		if (recent.size() >= MOST) {
			recent.clear();
		}
		recent.put(key, new Recent(decided, now));
		return decided.playable();
	}
}
