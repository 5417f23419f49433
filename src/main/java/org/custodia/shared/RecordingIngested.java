package org.custodia.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An original was registered as a recording, published in the importing transaction. It lives here,
 * not in {@code recording}, because listeners below that module (media) must be able to hear it; so it
 * carries ids and plain values, never the recording itself: where the original is, its hash and what
 * FFmpeg found in it, and who imported it.
 */
public record RecordingIngested(UUID recordingId, String agency, String storeKey, String sha256, String contentType,
		String format, String videoCodec, String audioCodec, Importer importer) {

	public RecordingIngested {
		Objects.requireNonNull(recordingId, "recordingId == null");
		Objects.requireNonNull(agency, "agency == null");
		Objects.requireNonNull(storeKey, "storeKey == null");
		Objects.requireNonNull(sha256, "sha256 == null");
		Objects.requireNonNull(importer, "importer == null");
	}

	/**
	 * Who imported it, as the ledger names them, so that what a listener does for the import is entered
	 * under the same name.
	 */
	public record Importer(UUID userId, String username, String agency, Set<Role> roles) {

		public Importer {
			Objects.requireNonNull(username, "username == null");
			roles = Set.copyOf(roles);
		}

		public static Importer of(Actor actor) {
			return new Importer(actor.userId(), actor.username(), actor.agency().orElse(null), actor.roles());
		}

		/** The importer again, to act for. */
		public Actor asActor() {
			return new Acting(this);
		}

		private record Acting(Importer importer) implements Actor {

			@Override
			public UUID userId() {
				return importer.userId();
			}

			@Override
			public String username() {
				return importer.username();
			}

			@Override
			public Optional<String> agency() {
				return Optional.ofNullable(importer.agency());
			}

			@Override
			public Set<Role> roles() {
				return importer.roles();
			}
		}
	}
}
