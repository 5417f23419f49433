package org.custodia.access;

import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.media.DerivedCopies;
import org.custodia.media.DerivedCopy;
import org.custodia.policy.AccessMatrix;
import org.custodia.policy.Action;
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

	private final Users users;

	private final BlobStore store;

	private final MissingOriginals missing;

	private final DerivedCopies derivedCopies;

	private final org.custodia.ledger.Ledger ledger;

	private final RecentPlayables recent;

	private final AccessGrants grants;

	private final AccessRegister accessRegister;

	Playback(RecordingRegister register, Users users, BlobStore store, MissingOriginals missing,
			DerivedCopies derivedCopies, org.custodia.ledger.Ledger ledger, RecentPlayables recent, AccessGrants grants,
			AccessRegister accessRegister) {
		this.grants = grants;
		this.accessRegister = accessRegister;
		this.ledger = ledger;
		this.recent = recent;
		this.derivedCopies = derivedCopies;
		this.register = register;
		this.users = users;
		this.store = store;
		this.missing = missing;
	}

	/** A recording the actor may watch now, and why (the approved request, or the case handler's direct view). */
	public record Watchable(Recording recording, AccessBasis basis) {
	}

	/**
	 * The recording, when the actor may watch it: another agency's is not found (404); without an approved request
	 * or a direct-view rule it is refused (403) with the rule that watching needs one.
	 */
	public Recording viewable(Actor actor, UUID recordingId) {
		return watchable(actor, recordingId).recording();
	}

	/** As {@link #viewable}, with the basis the register and the watermark on screen name. */
	public Watchable watchable(Actor actor, UUID recordingId) {
		Recording recording = register.visibleTo(actor, recordingId, Action.SEE_RECORDINGS);
		if (recording.disposed()) {
			// the row is the tombstone of an approved disposal: its file is gone, nothing of it plays or is copied
			throw new CustodiaException(org.springframework.http.HttpStatus.GONE, "error.recording-disposed", null,
					java.util.Map.of(), recordingId);
		}
		AccessBasis basis = grants.basis(actor, recording, AccessMatrix.Use.WATCH)
			.orElseThrow(() -> {
				grants.refusal(actor, recording, AccessMatrix.Use.WATCH).orThrow();
				return CustodiaException.forbidden("rule.playback-by-access-request", null);
			});
		return new Watchable(recording, basis);
	}

	/**
	 * Why the actor may use the recording so now, or empty: without a basis to watch, the page shows what he may
	 * know of it and offers a request; with one to copy or print, it offers the copy.
	 */
	public java.util.Optional<AccessBasis> basis(Actor actor, Recording recording, AccessMatrix.Use use) {
		return grants.basis(actor, recording, use);
	}

	/** The original itself, bit-exact, for byte-range streaming. */
	public Playable original(Actor actor, UUID recordingId) {
		return recent.playable(actor, recordingId, "original", () -> decideOriginal(actor, recordingId));
	}

	private RecentPlayables.Decided decideOriginal(Actor actor, UUID recordingId) {
		Watchable watchable = watchable(actor, recordingId);
		Recording recording = agreesWithLedger(watchable.recording());
		return new RecentPlayables.Decided(new Playable(recording.id(), recording.agency(), "original", file(actor, recording, recording.blobKey(), "original"),
				recording.size(), DerivedCopies.browserType(recording.asOriginal()), recording.sha256(), recording.importedAt(),
				recording.originalName(), watchable.basis(), watched(watchable.basis())), recording.blobKey());
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
		Recording recording = agreesWithLedger(register.visibleTo(actor, recordingId, Action.SEE_RECORDINGS));
		DerivedCopy copy = derivedCopies.byId(derivedId)
			.filter(found -> found.recordingId().equals(recording.id()))
			.orElseThrow(() -> CustodiaException.notFound("error.derived-not-found", derivedId));
		if (copy.state() != DerivedCopy.State.READY) {
			throw CustodiaException.conflict("error.derived-not-ready", copy.state().name());
		}
		AccessBasis basis = derivedBasis(actor, recording, copy);
		boolean handedOver = copy.requestRef() != null && copy.requestRef().equals(basis.requestNumber())
				&& (copy.kind() == DerivedCopy.Kind.WATERMARKED || copy.kind() == DerivedCopy.Kind.STILL);
		return new RecentPlayables.Decided(new Playable(recording.id(), recording.agency(), copy.id().toString(),
				file(actor, recording, copy.storeKey(), copy.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + copy.id()),
				copy.size(), copy.contentType(), copy.sha256(), copy.finishedAt(), recording.originalName(), basis,
				handedOver ? AccessRegisterEntry.Kind.RELEASE : watched(basis)), copy.storeKey());
	}

	/**
	 * Why the actor may have this derived copy: a copy or still made for a request is handed to that request's
	 * holder while its approval to copy lasts; proxies and clips are the footage itself, for those who may watch it.
	 */
	private AccessBasis derivedBasis(Actor actor, Recording recording, DerivedCopy copy) {
		if (copy.requestRef() != null && (copy.kind() == DerivedCopy.Kind.WATERMARKED || copy.kind() == DerivedCopy.Kind.STILL)) {
			AccessMatrix.Use use = copy.kind() == DerivedCopy.Kind.STILL ? AccessMatrix.Use.PRINT : AccessMatrix.Use.COPY;
			java.util.Optional<AccessBasis> made = grants.basis(actor, recording, use)
				.filter(basis -> copy.requestRef().equals(basis.requestNumber()));
			if (made.isPresent()) {
				return made.get();
			}
		}
		return watchable(actor, recording.id()).basis();
	}

	/** Asks for a clip of the recording, kept in the archive as a new object naming its original and span. */
	public DerivedCopy clip(Actor actor, UUID recordingId, long fromMillis, long toMillis) {
		Recording recording = viewable(actor, recordingId);
		Long duration = recording.media() == null ? null : recording.media().durationMillis();
		return derivedCopies.requestClip(actor, recording.asOriginal(), fromMillis, toMillis, duration);
	}

	/**
	 * Asks for a watermarked copy (or, for printing, a still at {@code atMillis}) of the recording for an approved
	 * request that asked for one: who made it, for whom, when and the request's number are burned in, and the copy is
	 * a line of the access register.
	 */
	@org.springframework.transaction.annotation.Transactional
	public DerivedCopy copyFor(Actor actor, UUID recordingId, UUID requestId, AccessMatrix.Use use, Long atMillis) {
		Recording recording = register.visibleTo(actor, recordingId, Action.SEE_RECORDINGS);
		AccessBasis basis = grants.basis(actor, recording, use)
			.filter(found -> requestId == null || requestId.equals(found.requestId()))
			.orElseThrow(() -> {
				grants.refusal(actor, recording, use).orThrow();
				return CustodiaException.forbidden("rule.copy-by-access-request", null);
			});
		DerivedCopy copy = use == AccessMatrix.Use.PRINT
				? derivedCopies.requestStill(actor, recording.asOriginal(), atMillis == null ? 0 : atMillis, basis.forWhom(),
						basis.requestNumber())
				: derivedCopies.requestWatermarked(actor, recording.asOriginal(), basis.forWhom(), basis.requestNumber());
		accessRegister.add(recording.agency(), use == AccessMatrix.Use.PRINT ? AccessRegisterEntry.Kind.PRINT
				: AccessRegisterEntry.Kind.COPY, recording.id(), recording.originalName(), actor, basis, copy.id());
		return copy;
	}

	private static AccessRegisterEntry.Kind watched(AccessBasis basis) {
		return basis.direct() ? AccessRegisterEntry.Kind.DIRECT_VIEW : AccessRegisterEntry.Kind.VIEW;
	}

	/** A recording of the actor's agency, as its register shows it to anyone there: not its content. */
	public Recording seen(Actor actor, UUID recordingId) {
		return register.visibleTo(actor, recordingId, Action.SEE_RECORDINGS);
	}

	/** Every time the recording gave for itself at import and the one chosen, for whoever may see it. */
	public org.custodia.recording.KnownTimes times(Recording recording) {
		return register.times(recording.id());
	}

	/** A person's display name (the recording's officer), when there is one. */
	public java.util.Optional<String> nameOf(UUID userId) {
		return users.findByIdForSystem(userId).map(UserView::displayName);
	}

	/** The name the register and the watermark on screen give the actor. */
	public String displayName(Actor actor) {
		return users.findByIdForSystem(actor.userId()).map(UserView::displayName).orElse(actor.username());
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

}
