package org.custodia.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.custodia.media.DerivedCopies;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.storage.DisposalWarrant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The store's question before it removes a file, answered from the database at that moment: a disposal carried out
 * after its wait disposed of the recording this key belongs to (its original or a derived copy), the recording is
 * marked disposed, no hold stands on it, and no recording or copy still kept names the same key.
 */
@Component
class DisposalWarrants implements DisposalWarrant {

	private final DisposalRepository disposals;

	private final RecordingRegister register;

	private final DerivedCopies derived;

	private final Retention retention;

	private final Clock clock;

	DisposalWarrants(DisposalRepository disposals, RecordingRegister register, DerivedCopies derived, Retention retention,
			Clock clock) {
		this.disposals = disposals;
		this.register = register;
		this.derived = derived;
		this.retention = retention;
		this.clock = clock;
	}

	/** Whether a recording or derived copy still kept names this key (the store keeps identical bytes once). */
	@Transactional(readOnly = true)
	boolean keptElsewhere(String key) {
		return register.keptUnder(key) || derived.keptUnder(key);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean confirms(String key) {
		if (keptElsewhere(key)) {
			return false;
		}
		Instant now = clock.instant();
		List<UUID> recordings = disposals.disposedUnder(key, now);
		if (recordings.isEmpty()) {
			return false;
		}
		for (UUID id : recordings) {
			Recording recording = register.find(id).orElse(null);
			if (recording == null || !recording.disposed() || !retention.holdsOn(id).isEmpty()) {
				return false;
			}
		}
		return true;
	}
}
