package org.custodia.access;

import java.util.UUID;

import org.custodia.policy.AccessMatrix;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Watching;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link Watching} for the pages of other modules, by the same rule playback follows. */
@Component
class WatchingCheck implements Watching {

	private final RecordingRegister register;

	private final AccessGrants grants;

	WatchingCheck(RecordingRegister register, AccessGrants grants) {
		this.register = register;
		this.grants = grants;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayWatch(Actor actor, UUID recordingId) {
		try {
			org.custodia.recording.Recording recording = register.visibleTo(actor, recordingId);
			// a disposed recording's row is its tombstone: nothing of it plays
			return !recording.disposed() && grants.basis(actor, recording, AccessMatrix.Use.WATCH).isPresent();
		}
		catch (CustodiaException notVisible) {
			return false;
		}
	}
}
