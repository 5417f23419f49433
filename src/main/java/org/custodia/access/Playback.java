package org.custodia.access;

import java.util.Objects;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.ingest.Recording;
import org.custodia.ingest.RecordingRegister;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may play back a recording, and the file to stream when they may. Another agency's recording is
 * not found; a refusal names its rule; a file missing from the store raises the alarm.
 */
@Component
public class Playback {

	private final RecordingRegister register;

	private final PolicyDecisions decisions;

	private final Users users;

	private final BlobStore store;

	private final MissingOriginals missing;

	Playback(RecordingRegister register, PolicyDecisions decisions, Users users, BlobStore store, MissingOriginals missing) {
		this.register = register;
		this.decisions = decisions;
		this.users = users;
		this.store = store;
		this.missing = missing;
	}

	/** The recording, when the actor may play it back; otherwise a 404 (another agency) or a 403 with the rule. */
	public Recording viewable(Actor actor, UUID recordingId) {
		Recording recording = register.find(recordingId)
			.filter(found -> actor.belongsTo(found.agency()))
			.orElseThrow(() -> CustodiaException.notFound("error.recording-not-found", recordingId));
		boolean own = recording.officerId() != null && recording.officerId().equals(actor.userId());
		decisions.decidePlayback(actor, recording.agency(), own, headsUnitOf(actor, recording.officerId())).orThrow();
		return recording;
	}

	/** The original itself, bit-exact, for byte-range streaming. */
	public Playable original(Actor actor, UUID recordingId) {
		Recording recording = viewable(actor, recordingId);
		return new Playable(recording.id(), recording.agency(), "original", file(actor, recording, recording.blobKey(), "original"),
				recording.size(), recording.contentType(), recording.sha256(), recording.importedAt());
	}

	java.nio.file.Path file(Actor actor, Recording recording, String key, String object) {
		return store.localFile(key).orElseGet(() -> {
			missing.report(actor, recording, object);
			throw new CustodiaException(HttpStatus.NOT_FOUND, "error.file-missing", null, java.util.Map.of(),
					recording.originalName());
		});
	}

	private boolean headsUnitOf(Actor actor, UUID officerId) {
		if (officerId == null) {
			return false;
		}
		UUID officerUnit = users.findByIdForSystem(officerId).map(UserView::unitId).orElse(null);
		UUID actorUnit = users.findByIdForSystem(actor.userId()).map(UserView::unitId).orElse(null);
		return officerUnit != null && Objects.equals(officerUnit, actorUnit);
	}
}
