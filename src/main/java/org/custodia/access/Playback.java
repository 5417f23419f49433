package org.custodia.access;

import java.util.Objects;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.media.DerivedCopies;
import org.custodia.media.DerivedCopy;
import org.custodia.policy.Action;
import org.custodia.policy.Decision;
import org.custodia.policy.Facts;
import org.custodia.policy.PolicyDecisions;
import org.custodia.policy.Relation;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may play back a recording, and the file to stream when they may. Another agency's recording is
 * not found; a refusal names its rule; a file the store says is gone raises the alarm.
 */
@Component
public class Playback {

	static final int HISTORY = 500;

	static final String LEDGER_RULE = "custodia: a recording is served only as its ledger entry describes it (invariant 3)";

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Playback.class);

	private final RecordingRegister register;

	private final PolicyDecisions decisions;

	private final Users users;

	private final BlobStore store;

	private final MissingOriginals missing;

	private final DerivedCopies derivedCopies;

	private final org.custodia.ledger.Ledger ledger;

	private final RecentPlayables recent;

	Playback(RecordingRegister register, PolicyDecisions decisions, Users users, BlobStore store, MissingOriginals missing,
			DerivedCopies derivedCopies, org.custodia.ledger.Ledger ledger, RecentPlayables recent) {
		this.ledger = ledger;
		this.recent = recent;
		this.derivedCopies = derivedCopies;
		this.register = register;
		this.decisions = decisions;
		this.users = users;
		this.store = store;
		this.missing = missing;
	}

	/** The recording, when the actor may play it back; otherwise a 404 (another agency) or a 403 with the rule. */
	public Recording viewable(Actor actor, UUID recordingId) {
		// The units are looked up only when a grant asks for them: each range request of a player passes here.
		return register.visibleTo(actor, recordingId, Action.PLAY_BACK, recording -> Facts
			.of(Relation.OWN_RECORDING, recording.officerId() != null && recording.officerId().equals(actor.userId()))
			.and(Relation.HEAD_OF_RECORDING_UNIT, () -> headsUnitOf(actor, recording.officerId())));
	}

	/** The original itself, bit-exact, for byte-range streaming. */
	public Playable original(Actor actor, UUID recordingId) {
		return recent.playable(actor, recordingId, "original", () -> decideOriginal(actor, recordingId));
	}

	private RecentPlayables.Decided decideOriginal(Actor actor, UUID recordingId) {
		Recording recording = agreesWithLedger(viewable(actor, recordingId));
		return new RecentPlayables.Decided(new Playable(recording.id(), recording.agency(), "original", file(actor, recording, recording.blobKey(), "original"),
				recording.size(), recording.contentType(), recording.sha256(), recording.importedAt()), recording.blobKey());
	}

	/** The recording's poster frame, to exactly those who may play it back: a frame is the footage too. */
	public java.util.Optional<java.nio.file.Path> poster(Actor actor, UUID recordingId) {
		return register.poster(viewable(actor, recordingId));
	}

	/**
	 * The recording, if its row still says what the ledger recorded at its import. Otherwise nothing is
	 * served: its hash would go out as the ETag, its size as the length, as if they were the ledger's.
	 */
	private Recording agreesWithLedger(Recording recording) {
		java.util.List<org.custodia.ledger.Disagreement> disagreements = register.disagreementsWithLedger(recording);
		if (!disagreements.isEmpty()) {
			String fields = String.join(", ", disagreements.stream().map(org.custodia.ledger.Disagreement::field).toList());
			LOG.error("Recording {} is not served: its register row disagrees with its ledger entry in {}", recording.id(),
					fields);
			throw CustodiaException.refused("rule.recording-disagrees-with-ledger", LEDGER_RULE,
					new org.springframework.context.support.DefaultMessageSourceResolvable(
							new String[] { "ledger.field." + disagreements.get(0).field() }, disagreements.get(0).field()));
		}
		return recording;
	}

	/** A derived copy of the recording (proxy, clip, watermarked copy) once made, to those who may watch the recording. */
	public Playable derived(Actor actor, UUID recordingId, UUID derivedId) {
		return recent.playable(actor, recordingId, derivedId.toString(), () -> decideDerived(actor, recordingId, derivedId));
	}

	private RecentPlayables.Decided decideDerived(Actor actor, UUID recordingId, UUID derivedId) {
		Recording recording = agreesWithLedger(viewable(actor, recordingId));
		DerivedCopy copy = derivedCopies.byId(derivedId)
			.filter(found -> found.recordingId().equals(recording.id()))
			.orElseThrow(() -> CustodiaException.notFound("error.derived-not-found", derivedId));
		if (copy.state() != DerivedCopy.State.READY) {
			throw CustodiaException.conflict("error.derived-not-ready", copy.state().name());
		}
		return new RecentPlayables.Decided(new Playable(recording.id(), recording.agency(), copy.id().toString(),
				file(actor, recording, copy.storeKey(), copy.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + copy.id()),
				copy.size(), copy.contentType(), copy.sha256(), copy.finishedAt()), copy.storeKey());
	}

	/** Asks for a clip of the recording, kept in the archive as a new object naming its original and span. */
	public DerivedCopy clip(Actor actor, UUID recordingId, long fromMillis, long toMillis) {
		return derivedCopies.requestClip(actor, viewable(actor, recordingId).asOriginal(), fromMillis, toMillis);
	}

	/**
	 * Asks for a copy with who made it, for whom, when and on which request burned in, where the agency's
	 * {@code make-watermarked-copy} permission allows it (the legal department head: 001-access art. 4).
	 */
	public DerivedCopy watermarked(Actor actor, UUID recordingId, String madeFor, String requestRef) {
		Recording recording = viewable(actor, recordingId);
		watermarking(actor, recording).orThrow();
		return derivedCopies.requestWatermarked(actor, recording.asOriginal(), madeFor, requestRef);
	}

	/** Whether the actor may have a watermarked copy of this recording made, and by which rule. */
	public Decision watermarking(Actor actor, Recording recording) {
		return decisions.decide(actor, Action.MAKE_WATERMARKED_COPY, recording.agency());
	}

	/** The browser proxy of a recording browsers cannot play, asked for now if it never was. */
	public java.util.Optional<DerivedCopy> proxy(Actor actor, UUID recordingId) {
		return derivedCopies.proxyFor(actor, viewable(actor, recordingId).asOriginal());
	}

	/** The ledger entries about the recording and the copies derived from it, oldest first. */
	public java.util.List<org.custodia.ledger.LedgerEntry> history(Recording recording, java.util.List<DerivedCopy> derived) {
		java.util.List<String> subjects = new java.util.ArrayList<>(java.util.List.of(recording.id().toString()));
		derived.forEach(copy -> subjects.add(copy.id().toString()));
		return ledger.about(recording.agency(), subjects, HISTORY);
	}

	/** What was derived from the recording, newest first. */
	public java.util.List<DerivedCopy> derivedOf(Actor actor, UUID recordingId) {
		return derivedCopies.of(viewable(actor, recordingId).id());
	}

	/**
	 * The local file to stream. A store that keeps its objects elsewhere (an object store) has no local file for
	 * what it holds: only when the store itself says the object is gone is the original missing and the alarm raised.
	 */
	java.nio.file.Path file(Actor actor, Recording recording, String key, String object) {
		return store.localFile(key).orElseGet(() -> {
			if (store.exists(key)) {
				throw new CustodiaException(HttpStatus.NOT_IMPLEMENTED, "error.file-not-local", null, java.util.Map.of(),
						recording.originalName());
			}
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
