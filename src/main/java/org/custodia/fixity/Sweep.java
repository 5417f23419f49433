package org.custodia.fixity;

import java.time.Instant;
import java.util.UUID;

/** One run of the sweep: whole (every key) or a slice (the keys read longest ago), and what it found. */
public record Sweep(UUID id, Scope scope, boolean repair, String startedBy, Instant startedAt, Instant finishedAt,
		State state, long keysChecked, long bytesRead, long findings, long repaired, long lost, long orphans,
		String problem) {

	public enum Scope {
		WHOLE, SLICE
	}

	public enum State {
		RUNNING, DONE, FAILED
	}

	/** Whether something is bad and was not repaired. */
	public boolean leftBad() {
		return findings - repaired - orphans > 0 || lost > 0 || state == State.FAILED;
	}
}
