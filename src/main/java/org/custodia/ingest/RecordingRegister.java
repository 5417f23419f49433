package org.custodia.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of stored originals as other modules read it. It checks nothing: the module that
 * shows a recording decides who may see it.
 */
@Component
public class RecordingRegister {

	private final RecordingRepository recordings;

	private final Posters posters;

	private final RecordingLedgerCheck ledgerCheck;

	RecordingRegister(RecordingRepository recordings, Posters posters, RecordingLedgerCheck ledgerCheck) {
		this.recordings = recordings;
		this.posters = posters;
		this.ledgerCheck = ledgerCheck;
	}

	/**
	 * Where the recording's row disagrees with the ledger's entry of its import (hashes, size, name, store
	 * key, type, agency): empty when it agrees. A changed row must not be served as what the ledger recorded.
	 */
	@Transactional(readOnly = true)
	public List<org.custodia.ledger.Disagreement> disagreementsWithLedger(Recording recording) {
		return ledgerCheck.check(recording);
	}

	@Transactional(readOnly = true)
	public Optional<Recording> find(UUID id) {
		return recordings.find(id);
	}

	/** The poster frame of a video original, when one was made: a picture of the footage, for those who may watch it. */
	public Optional<java.nio.file.Path> poster(Recording recording) {
		return posters.of(recording.sha256());
	}

	/**
	 * How late each recording was imported, in minutes past its deadline as it stands now (a late reason the
	 * regulation allows may have moved it); recordings in time are left out.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, Long> lateMinutes(java.util.Collection<UUID> ids) {
		java.util.Map<UUID, Long> late = new java.util.HashMap<>();
		recordings.find(ids).stream().filter(recording -> recording.lateMinutes() != null)
			.forEach(recording -> late.put(recording.id(), recording.lateMinutes()));
		return late;
	}

	/** An agency's recordings whose recording began in {@code [from, to)}, at most {@code limit}, newest import first. */
	@Transactional(readOnly = true)
	public List<Recording> recordedBetween(String agency, Instant from, Instant to, int limit) {
		return recordings.list(new RecordingRepository.Filter(agency, null, null, from, to), null, limit);
	}
}
