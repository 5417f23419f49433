package org.custodia.ledger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.custodia.ledger.LedgerVerifier.Finding;
import org.custodia.ledger.LedgerVerifier.Kind;

/**
 * The signed checkpoints against the log. Each must carry this installation's signature and name a tree
 * the log still has: those in the database must also extend one another; those kept outside (the data
 * directory, the second root, files and printouts a user gives) show whether entries at the end were
 * removed together with the database's checkpoints of them.
 */
final class CheckpointCheck {

	/** A checkpoint as the database stores it. */
	record Stored(long size, String rootHash, String note) {
	}

	/** A checkpoint whose signature verified, and where it was found ({@code null}: the database). */
	record Signed(long size, String rootHash, String source) {
	}

	private final SignedNote.VerifierKey key;

	private final List<Finding> findings;

	private final List<Signed> stored = new ArrayList<>();

	private final List<Signed> kept = new ArrayList<>();

	CheckpointCheck(SignedNote.VerifierKey key, List<Finding> findings) {
		this.key = key;
		this.findings = findings;
	}

	/** Checks every signature; returns the tree sizes the log must be compared at. */
	Set<Long> signatures(List<Stored> fromDatabase, List<KeptCheckpoints.Kept> outside) {
		for (Stored checkpoint : fromDatabase) {
			Optional<SignedNote.Checkpoint> note = SignedNote.verify(checkpoint.note(), key);
			if (note.isEmpty() || note.get().size() != checkpoint.size()
					|| !HexFormat.of().formatHex(note.get().root()).equals(checkpoint.rootHash())) {
				findings.add(new Finding(Kind.CHECKPOINT_BAD_SIGNATURE, checkpoint.size(), -1,
						"checkpoint signature does not verify with the log's public key"));
			}
			else {
				stored.add(new Signed(checkpoint.size(), checkpoint.rootHash(), null));
			}
		}
		for (KeptCheckpoints.Kept checkpoint : outside) {
			Optional<SignedNote.Checkpoint> note = SignedNote.verify(checkpoint.text(), key);
			if (note.isPresent()) {
				kept.add(new Signed(note.get().size(), HexFormat.of().formatHex(note.get().root()), checkpoint.source()));
			}
			else {
				findings.add(new Finding(signedByAnotherKey(checkpoint.text()) ? Kind.CHECKPOINT_OTHER_KEY
						: Kind.CHECKPOINT_BAD_SIGNATURE, -1, -1, checkpoint.source(),
						"the checkpoint's signature does not verify with this installation's key"));
			}
		}
		Set<Long> sizes = new HashSet<>();
		stored.forEach(checkpoint -> sizes.add(checkpoint.size()));
		kept.forEach(checkpoint -> sizes.add(checkpoint.size()));
		return sizes;
	}

	/** Compares each signed checkpoint with the tree heads of the log ({@code roots}, by size). */
	void compare(Map<Long, String> roots, long logSize) {
		List<Boolean> matches = stored.stream().map(checkpoint -> checkpoint.rootHash().equals(roots.get(checkpoint.size())))
			.toList();
		for (int i = 0; i < stored.size(); i++) {
			if (matches.get(i)) {
				continue;
			}
			Signed checkpoint = stored.get(i);
			int later = matches.subList(i + 1, matches.size()).indexOf(true);
			if (later >= 0) {
				findings.add(new Finding(Kind.CHECKPOINT_INCONSISTENT, stored.get(i + 1 + later).size(), checkpoint.size(),
						"a later checkpoint does not extend an earlier one"));
			}
			else {
				mismatch(checkpoint, logSize);
			}
		}
		for (Signed checkpoint : kept) {
			if (!checkpoint.rootHash().equals(roots.get(checkpoint.size()))) {
				mismatch(checkpoint, logSize);
			}
		}
	}

	/** The newest checkpoint with a good signature, wherever it was found: the one the log was held to. */
	Optional<Signed> newest() {
		List<Signed> all = new ArrayList<>(stored);
		all.addAll(kept);
		return all.stream().max(Comparator.comparingLong(Signed::size));
	}

	int count() {
		return stored.size() + kept.size();
	}

	private void mismatch(Signed checkpoint, long logSize) {
		if (checkpoint.size() > logSize) {
			findings.add(new Finding(Kind.CHECKPOINT_BEYOND_LOG, checkpoint.size(), logSize, checkpoint.source(),
					"the log is shorter than a signed checkpoint: entries at its end were removed"));
		}
		else if (checkpoint.source() == null) {
			findings.add(new Finding(Kind.CHECKPOINT_MISMATCH, checkpoint.size(), -1,
					"the log no longer has the tree this checkpoint signed"));
		}
		else {
			findings.add(new Finding(Kind.EXTERNAL_CHECKPOINT_NOT_EXTENDED, checkpoint.size(), logSize, checkpoint.source(),
					"today's log does not extend the given checkpoint"));
		}
	}

	/**
	 * Whether the text names a verifier key other than this installation's and is signed by it: a
	 * checkpoint of another installation, or a sign that this installation's key has been replaced.
	 */
	private boolean signedByAnotherKey(String text) {
		for (String line : text.split("\n")) {
			try {
				SignedNote.VerifierKey other = SignedNote.VerifierKey.parse(line.strip());
				if (!other.text().equals(key.text()) && SignedNote.verify(text, other).isPresent()) {
					return true;
				}
			}
			catch (IllegalArgumentException e) {
				// Not a verifier key line.
			}
		}
		return false;
	}
}
