package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Whether an entry is provably in the log as the installation last signed it: its leaf, computed again from the
 * entry's stored bytes, is proven (RFC 6962 §2.1.1) into the root of the latest checkpoint, whose signature verifies
 * with the installation's key. What 四性检测 and an evidence package cite as the ledger's word on a record.
 */
@Component
public class EntryInclusion {

	/** How an entry stands: {@code included} under the checkpoint of {@code treeSize}, or why not ({@code reason}). */
	public record Inclusion(long sequence, boolean included, long treeSize, String rootHash, Reason reason) {
	}

	/** Why an entry is not proven included. */
	public enum Reason {

		/** Proven: no reason. */
		NONE,
		/** No checkpoint covers it yet (signed within the minute). */
		NOT_YET_SIGNED,
		/** The latest checkpoint's signature does not verify. */
		CHECKPOINT_FORGED,
		/** The entry's bytes no longer hash to its leaf: altered. */
		ENTRY_ALTERED,
		/** The proof does not lead to the signed root. */
		PROOF_FAILS
	}

	private final LedgerCheckpoints checkpoints;

	private final LedgerProofs proofs;

	private final LedgerKeys keys;

	private final Ledger ledger;

	EntryInclusion(LedgerCheckpoints checkpoints, LedgerProofs proofs, LedgerKeys keys, Ledger ledger) {
		this.checkpoints = checkpoints;
		this.proofs = proofs;
		this.keys = keys;
		this.ledger = ledger;
	}

	public Inclusion of(LedgerEntry entry) {
		long sequence = entry.sequence();
		Optional<LedgerCheckpoints.StoredCheckpoint> latest = checkpoints.latest();
		if (latest.isEmpty() || latest.get().size() <= sequence) {
			return new Inclusion(sequence, false, latest.map(LedgerCheckpoints.StoredCheckpoint::size).orElse(0L), null,
					Reason.NOT_YET_SIGNED);
		}
		LedgerCheckpoints.StoredCheckpoint checkpoint = latest.get();
		Optional<SignedNote.Checkpoint> signed = SignedNote.verify(checkpoint.note(), keys.verifierKey());
		if (signed.isEmpty() || signed.get().size() != checkpoint.size()) {
			return new Inclusion(sequence, false, checkpoint.size(), checkpoint.rootHash(), Reason.CHECKPOINT_FORGED);
		}
		byte[] leaf = Merkle.leafHash(entry.entry().getBytes(StandardCharsets.UTF_8));
		if (!HexFormat.of().formatHex(leaf).equals(entry.leafHash())) {
			return new Inclusion(sequence, false, checkpoint.size(), checkpoint.rootHash(), Reason.ENTRY_ALTERED);
		}
		List<byte[]> proof = proofs.inclusion(sequence, checkpoint.size());
		boolean proven = Merkle.verifyInclusion(leaf, sequence, checkpoint.size(), proof, signed.get().root())
				&& Arrays.equals(signed.get().root(), HexFormat.of().parseHex(checkpoint.rootHash()));
		return new Inclusion(sequence, proven, checkpoint.size(), checkpoint.rootHash(),
				proven ? Reason.NONE : Reason.PROOF_FAILS);
	}

	/** The entry at {@code sequence}, checked as {@link #of(LedgerEntry)} does. */
	public Inclusion of(long sequence) {
		return of(ledger.entries(sequence, 1).get(0));
	}
}
