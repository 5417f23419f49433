package org.custodia.recording;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.custodia.ledger.Disagreement;
import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerCheckpoints;
import org.custodia.ledger.LedgerEvent;
import org.custodia.media.MediaReading;
import org.custodia.media.OriginalRef;
import org.custodia.policy.Action;
import org.custodia.policy.Facts;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.RecordingIngested;
import org.custodia.shared.SecrecyMarks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of stored originals: who may see a recording (asked here once, so callers never check
 * tenancy again), its listing by keyset, its notes, and the registration of an import with its ledger entry.
 */
@Component
public class RecordingRegister {

	/** One page, newest import first; {@code next} continues after its last row, null at the end. */
	public record Page(List<Recording> items, String next) {
	}

	/** {@code lateReasonsOffered}: what the custodian may give as the reason of a late import, by the agency's rule. */
	public record Detail(Recording recording, List<RecordingNotes.LateReason> lateReasons,
			List<RecordingNotes.Offered> lateReasonsOffered, List<RecordingNotes.DuplicateOffer> duplicateOffers,
			KnownTimes times) {
	}

	private final RecordingRepository recordings;

	private final TimeClaimRepository timeClaims;

	private final RecordingNotes notes;

	private final MediaReading media;

	private final RecordingLedgerCheck ledgerCheck;

	private final PolicyDecisions decisions;

	private final Ledger ledger;

	private final LedgerCheckpoints checkpoints;

	private final ApplicationEventPublisher events;

	/** Asked lazily: the module that keeps the marks builds on this one. */
	private final ObjectProvider<SecrecyMarks> secrecy;

	RecordingRegister(RecordingRepository recordings, TimeClaimRepository timeClaims, RecordingNotes notes, MediaReading media,
			RecordingLedgerCheck ledgerCheck, PolicyDecisions decisions, Ledger ledger, LedgerCheckpoints checkpoints,
			ApplicationEventPublisher events, ObjectProvider<SecrecyMarks> secrecy) {
		this.secrecy = secrecy;
		this.recordings = recordings;
		this.timeClaims = timeClaims;
		this.notes = notes;
		this.media = media;
		this.ledgerCheck = ledgerCheck;
		this.decisions = decisions;
		this.ledger = ledger;
		this.checkpoints = checkpoints;
		this.events = events;
	}

	/**
	 * The recording when it is kept by an agency the actor belongs to and no secrecy mark keeps it from him: a
	 * missing recording, another agency's and a secret one are all not found (404), so that they stay invisible.
	 */
	@Transactional(readOnly = true)
	public Recording visibleTo(Actor actor, UUID id) {
		return recordings.find(id)
			.filter(found -> actor.belongsTo(found.agency()))
			.filter(found -> !hiddenFrom(actor, found.agency()).contains(found.id()))
			.orElseThrow(() -> CustodiaException.notFound("error.recording-not-found", id));
	}

	/** The agency's recordings secrecy marks keep from the actor (ACC-9). */
	public java.util.Set<UUID> hiddenFrom(Actor actor, String agency) {
		SecrecyMarks marks = secrecy.getIfAvailable();
		return marks == null ? java.util.Set.of() : marks.hiddenFrom(actor, agency);
	}

	/** The recording when the actor may see it and the agency's policy lets the actor do {@code action} on it (403 with the rule otherwise). */
	@Transactional(readOnly = true)
	public Recording visibleTo(Actor actor, UUID id, Action action) {
		return visibleTo(actor, id, action, recording -> Facts.none());
	}

	/** As {@link #visibleTo(Actor, UUID, Action)}, with the actor's relations to the recording the policy may ask for. */
	@Transactional(readOnly = true)
	public Recording visibleTo(Actor actor, UUID id, Action action, Function<Recording, Facts> facts) {
		Recording recording = visibleTo(actor, id);
		decisions.decide(actor, action, recording.agency(), facts.apply(recording)).orThrow();
		return recording;
	}

	/**
	 * The recording for a record of {@code agency} (an activity): not found (404) when missing, forbidden (403,
	 * tenant isolation) when another agency keeps it.
	 */
	@Transactional(readOnly = true)
	public Recording keptBy(String agency, UUID id) {
		Recording recording = recordings.find(id)
			.orElseThrow(() -> CustodiaException.notFound("error.recording-not-found", id));
		if (!recording.agency().equals(agency)) {
			throw CustodiaException.forbidden("rule.recording-other-agency", PolicyDecisions.TENANT_ISOLATION);
		}
		return recording;
	}

	/**
	 * A recording by id without any check, for the module that just imported it (its own outcome) and for
	 * system work; whatever is shown to a user goes through {@link #visibleTo}.
	 */
	@Transactional(readOnly = true)
	public Optional<Recording> find(UUID id) {
		return recordings.find(id);
	}

	/** A page of an agency's register, newest import first, for those who may see its recordings. */
	@Transactional(readOnly = true)
	public Page page(Actor actor, String agency, UUID device, UUID officer, Instant from, Instant to, String after,
			int limit) {
		decisions.decide(actor, Action.SEE_RECORDINGS, agency).orThrow();
		List<Recording> items = recordings.list(new RecordingRepository.Filter(agency, device, officer, from, to),
				decode(after), limit);
		java.util.Set<UUID> hidden = hiddenFrom(actor, agency);
		// the position continues after the last row read, shown or not
		return new Page(items.stream().filter(recording -> !hidden.contains(recording.id())).toList(),
				items.size() == limit ? encode(items.get(limit - 1)) : null);
	}

	/**
	 * A page of every recording of the agency, newest import first, for work over the whole store (四性检测): the
	 * caller decided who may ask; secrecy marks do not hide a recording from a check of its file.
	 */
	@Transactional(readOnly = true)
	public Page all(String agency, String after, int limit) {
		List<Recording> items = recordings.list(new RecordingRepository.Filter(agency, null, null, null, null),
				decode(after), limit);
		return new Page(items, items.size() == limit ? encode(items.get(limit - 1)) : null);
	}

	/** One recording with its notes, for those who may see the agency's register. */
	@Transactional(readOnly = true)
	public Detail detail(Actor actor, UUID id) {
		Recording recording = visibleTo(actor, id, Action.SEE_RECORDINGS);
		return new Detail(recording, notes.lateReasons(id), notes.offered(recording.agency()), notes.duplicateOffers(id),
				times(id));
	}

	/** The times the recording gave for itself at import; call after the recording was shown to be visible. */
	@Transactional(readOnly = true)
	public KnownTimes times(UUID id) {
		return new KnownTimes(timeClaims.timeReason(id).orElse(null), timeClaims.claims(id));
	}

	/** The custodian records why a recording came late (see {@link RecordingNotes}). */
	@Transactional
	public RecordingNotes.LateReason explainLateness(Actor actor, UUID id, String reason, String note) {
		return notes.explainLateness(actor, visibleTo(actor, id, Action.SEE_RECORDINGS), reason, note);
	}

	/** Whether the agency keeps any recording. */
	@Transactional(readOnly = true)
	public boolean anyOf(String agency) {
		return !recordings.list(new RecordingRepository.Filter(agency, null, null, null, null), null, 1).isEmpty();
	}

	/** The agency's recording of these exact bytes, when it keeps one. */
	@Transactional(readOnly = true)
	public Optional<Recording> withSha256(String agency, String sha256) {
		return recordings.bySha256(agency, sha256);
	}

	/**
	 * Registers an imported original with its {@code recording.ingested} ledger entry, inside the importer's
	 * transaction; what it stored is under a signed checkpoint as soon as that commits. {@link RecordingIngested}
	 * is published in the same transaction, so the registry holds it for its listeners exactly when the
	 * recording commits (a browser proxy, for one, is asked for that way).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void imported(Actor actor, Recording recording, String deviceNumber) {
		imported(actor, recording, deviceNumber, RecordingTimes.UNKNOWN);
	}

	/** As {@link #imported(Actor, Recording, String)}, keeping every time the recording gave and which was chosen. */
	public void imported(Actor actor, Recording recording, String deviceNumber, RecordingTimes times) {
		recordings.insert(recording, times.reason());
		timeClaims.insertClaims(recording.id(), times.claims());
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("file", recording.originalName());
		entry.put("device", deviceNumber);
		entry.put("sha256", recording.sha256());
		if (recording.sm3() != null) {
			entry.put("sm3", recording.sm3());
		}
		entry.put("size", recording.size());
		entry.put("key", recording.blobKey());
		entry.put("type", recording.contentType());
		if (recording.importDeadline() != null) {
			entry.put("deadline", recording.importDeadline().toString());
			entry.put("deadlineCite", recording.deadlineCite());
		}
		entry.put("officer", recording.officerId() == null ? "" : recording.officerId().toString());
		entry.put("late", recording.lateMinutes() == null ? "no" : recording.lateMinutes() + " min");
		if (recording.problem() != null) {
			entry.put("unreadable", recording.problem());
		}
		if (recording.clockFinding() != null) {
			entry.put("clock", recording.clockFinding());
		}
		if (times.reason() != null) {
			entry.put("timeReason", times.reason());
		}
		ledger.append(LedgerEvent.by(actor, recording.agency(), RecordingLedgerCheck.INGESTED, "recording",
				recording.id().toString(), entry));
		checkpoints.signAfterCommit();
		OriginalRef original = recording.asOriginal();
		events.publishEvent(new RecordingIngested(original.recordingId(), original.agency(), original.storeKey(),
				original.sha256(), original.contentType(), original.format(), original.videoCodec(),
				original.audioCodec(), RecordingIngested.Importer.of(actor)));
	}

	/** The same content offered again from a device: noted beside the recording, with its ledger entry, in the importer's transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void duplicateOffered(Actor actor, Recording existing, UUID deviceId, String deviceNumber, String name) {
		notes.duplicateOffered(existing.id(), deviceId, name, actor.username());
		ledger.append(LedgerEvent.by(actor, existing.agency(), "recording.duplicate-offered", "recording",
				existing.id().toString(), Map.of("file", name, "device", deviceNumber, "sha256", existing.sha256())));
	}

	/**
	 * Where the recording's row disagrees with the ledger's entry of its import (hashes, size, name, store
	 * key, type, agency): empty when it agrees. A changed row must not be served as what the ledger recorded.
	 */
	@Transactional(readOnly = true)
	public List<Disagreement> disagreementsWithLedger(Recording recording) {
		return ledgerCheck.check(recording);
	}

	/**
	 * Marks a recording disposed of (RET-1), in the disposal's transaction, which writes its ledger entry: the row stays
	 * as its tombstone, listed and found as before, but nothing of it plays. False when it was disposed of already.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean markDisposed(UUID id, UUID disposalId, Instant at) {
		return recordings.disposed(id, disposalId, at);
	}

	/** Whether a recording still kept (not disposed of) names this store key: such a file must never be removed. */
	@Transactional(readOnly = true)
	public boolean keptUnder(String key) {
		return recordings.keptUnder(key);
	}

	/** The poster frame of a video original, when one was made: a picture of the footage, for those who may watch it. */
	public Optional<Path> poster(Recording recording) {
		return media.poster(recording.sha256());
	}

	/**
	 * How late each recording was imported, in minutes past its deadline as it stands now (a late reason the
	 * regulation allows may have moved it); recordings in time are left out.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, Long> lateMinutes(Collection<UUID> ids) {
		Map<UUID, Long> late = new HashMap<>();
		recordings.find(ids).stream().filter(recording -> recording.lateMinutes() != null)
			.forEach(recording -> late.put(recording.id(), recording.lateMinutes()));
		return late;
	}

	/** As {@link #recordedBetween(String, Instant, Instant, int)}, leaving out what secrecy marks keep from the actor. */
	@Transactional(readOnly = true)
	public List<Recording> recordedBetween(Actor actor, String agency, Instant from, Instant to, int limit) {
		java.util.Set<UUID> hidden = hiddenFrom(actor, agency);
		return recordedBetween(agency, from, to, limit).stream().filter(recording -> !hidden.contains(recording.id()))
			.toList();
	}

	/** An agency's recordings whose recording began in {@code [from, to)}, at most {@code limit}, newest import first. */
	@Transactional(readOnly = true)
	public List<Recording> recordedBetween(String agency, Instant from, Instant to, int limit) {
		return recordings.list(new RecordingRepository.Filter(agency, null, null, from, to), null, limit);
	}

	static String encode(Recording last) {
		String position = last.importedAt().toEpochMilli() + ":" + last.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	static RecordingRepository.After decode(String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split(":", 2);
			return new RecordingRepository.After(Instant.ofEpochMilli(Long.parseLong(parts[0])), UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
			throw CustodiaException.badRequest("error.page-position", after);
		}
	}
}
