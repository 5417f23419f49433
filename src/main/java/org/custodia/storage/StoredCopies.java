package org.custodia.storage;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The copies of each stored original, read again (ARC-1/ARC-2): the primary under the store's root and,
 * where one is configured, the second under {@code custodia.storage.second-root}. A check reads every copy
 * from its disk (past the page cache where the file system allows) and compares it with the SHA-256 its key
 * carries, and with an SM3 when one is expected. A repair replaces a bad or missing copy from a good one,
 * never a copy whose hash is right. Reads give way to writes: while an import writes, they pause between
 * chunks ({@code custodia.fixity.read-pause-while-writing}).
 */
public interface StoredCopies {

	/** Where a copy lives. */
	enum Place {
		PRIMARY, SECOND
	}

	/** What a copy's disk gave back. */
	enum State {
		/** read whole, hashes as expected */
		GOOD,
		/** read whole, some hash differs from the expected one */
		DIFFERS,
		/** no file under the key */
		MISSING,
		/** there, but reading it failed */
		UNREADABLE
	}

	/**
	 * One copy as read.
	 *
	 * @param sha256 the SHA-256 found (null when not read whole)
	 * @param sm3 the SM3 found, computed only when one was expected (else null)
	 * @param size the bytes read, or the file's size, -1 when missing
	 * @param problem what the disk said when reading failed (else null)
	 */
	record Copy(Place place, State state, String sha256, String sm3, long size, String problem) {

		public boolean good() {
			return state == State.GOOD;
		}
	}

	/**
	 * Every copy of one key.
	 *
	 * @param expectedSha256 the SHA-256 the key carries
	 * @param copies the primary first, then the second copy where the store has a second root
	 */
	record CopyCheck(String key, String expectedSha256, List<Copy> copies) {

		public Copy primary() {
			return copies.get(0);
		}

		public Optional<Copy> second() {
			return copies.size() > 1 ? Optional.of(copies.get(1)) : Optional.empty();
		}

		public boolean allGood() {
			return copies.stream().allMatch(Copy::good);
		}

		public boolean anyGood() {
			return copies.stream().anyMatch(Copy::good);
		}
	}

	/** What a repair did. */
	enum Outcome {
		/** every bad or missing copy was replaced from a good one */
		REPAIRED,
		/** every copy is good: nothing touched */
		NOTHING_TO_REPAIR,
		/** no copy is good: nothing touched */
		NO_GOOD_COPY,
		/** writing a replacement failed (a full disk, a failing disk): see the problem; nothing replaced was lost */
		FAILED
	}

	/**
	 * @param repaired the copies replaced
	 * @param problemKey the message key of the failure ({@code error.storage-full}, {@code error.storage-write}...)
	 * @param problem what the disk said
	 * @param before the copies as read before the repair
	 */
	record RepairResult(String key, Outcome outcome, List<Place> repaired, String problemKey, String problem,
			CopyCheck before) {
	}

	/** Whether the store keeps a second copy (ARC-2). */
	boolean hasSecondCopy();

	/**
	 * Reads every copy of the key from its disk and compares it with the key's SHA-256 and, when given,
	 * the expected SM3.
	 */
	CopyCheck check(String key, String expectedSm3OrNull);

	/**
	 * Replaces each bad or missing copy of the key from a good one, after reading the good one again:
	 * written under a temporary name, verified, made read-only, renamed into place, its directory synced.
	 * A copy whose hash is right is never touched; without a good copy nothing changes.
	 */
	RepairResult repair(String key);

	/** Every key a file in either root is stored under, once each (to find files no row names). */
	void forEachStoredKey(Consumer<String> key);
}
