package org.custodia.media;

import org.custodia.ledger.LedgerCheckpoints;
import org.custodia.shared.RecordingIngested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Asks for the browser proxy of every newly ingested video or sound a browser cannot play, under the
 * importer's name. It runs after the import commits, in a transaction of its own; the event publication
 * registry delivers the event again after a crash, and a second delivery finds the proxy already asked for.
 */
@Component
class NewRecordingProxies {

	private final DerivedCopies copies;

	private final LedgerCheckpoints checkpoints;

	NewRecordingProxies(DerivedCopies copies, LedgerCheckpoints checkpoints) {
		this.copies = copies;
		this.checkpoints = checkpoints;
	}

	@ApplicationModuleListener
	void requestProxy(RecordingIngested ingested) {
		if (isVideoOrAudio(ingested.contentType())) {
			copies.proxyFor(ingested.importer().asActor(), new OriginalRef(ingested.recordingId(), ingested.agency(),
					ingested.storeKey(), ingested.sha256(), ingested.contentType(), ingested.format(),
					ingested.videoCodec(), ingested.audioCodec()));
			// Signed as soon as it commits, as the import's own entries are: this runs after the import, on
			// another thread, and may end after the application began to stop and signed for the last time.
			checkpoints.signAfterCommit();
		}
	}

	/** Sound or pictures that move: what a proxy is made for (a photo is shown as it is). */
	private static boolean isVideoOrAudio(String contentType) {
		return contentType != null && (contentType.startsWith("video/") || contentType.startsWith("audio/"));
	}
}
