package org.custodia.ingest;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * With {@code -Dcustodia.import.report-first-byte=true}, the moment an import's first bytes were copied, on
 * standard error, for bench/cli-start.sh: the time from the command's launch to its first byte copied.
 */
final class FirstByte {

	private static final AtomicBoolean TOLD = new AtomicBoolean(!Boolean.getBoolean("custodia.import.report-first-byte"));

	private FirstByte() {
	}

	static void report() {
		if (!TOLD.get() && TOLD.compareAndSet(false, true)) {
			System.err.println("first byte copied at " + System.currentTimeMillis() + " ms");
		}
	}
}
