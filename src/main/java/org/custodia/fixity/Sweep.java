package org.custodia.fixity;

import java.time.Instant;
import java.util.UUID;

/** One run of the sweep: whole (every key) or a slice (the keys read longest ago), and what it found. */
record Sweep(UUID id, Scope scope, boolean repair, String startedBy, Instant startedAt, Instant finishedAt,
		State state, long keysChecked, long bytesRead, long findings, long repaired, long lost, long orphans,
		String problem) {

	enum Scope {
		WHOLE, SLICE
	}

	enum State {
		RUNNING, DONE, FAILED
	}

	/** Whether something is bad and was not repaired. */
	boolean leftBad() {
		return findings - repaired - orphans > 0 || lost > 0 || state == State.FAILED;
	}
}
