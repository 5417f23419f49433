package org.custodia.ledger;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The compact frontier of a Merkle tree: the roots of its perfect subtrees, largest first, one per
 * set bit of the size. Appending a leaf and taking the root cost O(log n); the tree is never rebuilt.
 */
final class Frontier {

	private final long size;

	private final List<byte[]> roots;

	private Frontier(long size, List<byte[]> roots) {
		if (roots.size() != Long.bitCount(size)) {
			throw new IllegalArgumentException("a frontier of size " + size + " has " + Long.bitCount(size) + " hashes");
		}
		this.size = size;
		this.roots = List.copyOf(roots);
	}

	static Frontier empty() {
		return new Frontier(0, List.of());
	}

	long size() {
		return size;
	}

	Frontier append(byte[] leafHash) {
		List<byte[]> next = new ArrayList<>(roots);
		next.add(leafHash);
		// Each trailing one bit of the old size is a perfect subtree that the new leaf completes.
		for (long carry = size; (carry & 1) == 1; carry >>= 1) {
			byte[] right = next.remove(next.size() - 1);
			byte[] left = next.remove(next.size() - 1);
			next.add(Merkle.nodeHash(left, right));
		}
		return new Frontier(size + 1, next);
	}

	byte[] root() {
		if (roots.isEmpty()) {
			return Merkle.emptyRoot();
		}
		byte[] root = roots.get(roots.size() - 1);
		for (int i = roots.size() - 2; i >= 0; i--) {
			root = Merkle.nodeHash(roots.get(i), root);
		}
		return root;
	}

	/** Hex hashes joined by commas, for storing with a checkpoint. */
	String encode() {
		return String.join(",", roots.stream().map(HexFormat.of()::formatHex).toList());
	}

	static Frontier decode(long size, String encoded) {
		List<byte[]> roots = encoded == null || encoded.isEmpty() ? List.of()
				: java.util.Arrays.stream(encoded.split(",")).map(HexFormat.of()::parseHex).toList();
		return new Frontier(size, roots);
	}

	/** A frontier grown in place, for a pass over many leaves without a copy per leaf. */
	static final class Growing {

		private final byte[][] roots = new byte[64][];

		private int count;

		private long size;

		Growing() {
		}

		Growing(Frontier start) {
			start.roots.forEach(root -> roots[count++] = root);
			size = start.size;
		}

		long size() {
			return size;
		}

		void append(byte[] leafHash) {
			roots[count++] = leafHash;
			for (long carry = size; (carry & 1) == 1; carry >>= 1) {
				count--;
				roots[count - 1] = Merkle.nodeHash(roots[count - 1], roots[count]);
			}
			size++;
		}

		byte[] root() {
			return frozen().root();
		}

		Frontier frozen() {
			return new Frontier(size, java.util.Arrays.asList(roots).subList(0, count));
		}
	}
}
