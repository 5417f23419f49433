package org.custodia.recording;

import java.util.Map;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.storage.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the SM3 of originals imported without it, reading them back from the store. SM3 in the
 * copying pass would slow imports below the disk's speed (BouncyCastle's SM3 runs at about
 * 125 MB/s here), so the import records SHA-256 and this job adds SM3 within minutes, each with
 * its ledger entry.
 */
@Component
public class Sm3Backfill {

	private static final Logger log = LoggerFactory.getLogger(Sm3Backfill.class);

	private static final int BATCH = 50;

	private final RecordingRepository recordings;

	private final BlobStore store;

	private final Ledger ledger;

	private final TransactionTemplate transactions;

	Sm3Backfill(RecordingRepository recordings, BlobStore store, Ledger ledger, TransactionTemplate transactions) {
		this.recordings = recordings;
		this.store = store;
		this.ledger = ledger;
		this.transactions = transactions;
	}

	/** Computes what is missing, in batches until none is left; returns how many were computed. */
	public int computeMissing() {
		int computed = 0;
		for (var batch = recordings.withoutSm3(BATCH); !batch.isEmpty(); batch = recordings.withoutSm3(BATCH)) {
			int before = computed;
			for (Recording recording : batch) {
				String sm3 = store.sm3(recording.blobKey());
				boolean recorded = Boolean.TRUE.equals(transactions.execute(status -> {
					if (!recordings.recordSm3(recording.id(), sm3)) {
						return false;
					}
					ledger.append(LedgerEvent.bySystem("sm3", recording.agency(), "recording.hash-added", "recording",
							recording.id().toString(), Map.of("algorithm", "SM3", "sha256", recording.sha256(), "sm3", sm3)));
					return true;
				}));
				computed += recorded ? 1 : 0;
			}
			if (computed == before) {
				log.warn("SM3 could not be recorded for {} recordings; stopping until the next run", batch.size());
				break;
			}
		}
		return computed;
	}
}
