package org.custodia.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 6962 §2.1 (RFC 9162 §2.1): leaf and node hashes, tree heads, inclusion
 * and consistency proofs, and their verification. Leaves are given by their leaf hashes.
 */
final class Merkle {

	static final int HASH_SIZE = 32;

	private Merkle() {
	}

	static byte[] leafHash(byte[] entry) {
		MessageDigest sha256 = sha256();
		sha256.update((byte) 0x00);
		return sha256.digest(entry);
	}

	static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha256 = sha256();
		sha256.update((byte) 0x01);
		sha256.update(left);
		return sha256.digest(right);
	}

	static byte[] emptyRoot() {
		return sha256().digest();
	}

	/** MTH(D[from:to]) over leaf hashes. */
	static byte[] root(List<byte[]> leaves, int from, int to) {
		int n = to - from;
		if (n == 0) {
			return emptyRoot();
		}
		if (n == 1) {
			return leaves.get(from);
		}
		int k = largestPowerOfTwoBelow(n);
		return nodeHash(root(leaves, from, from + k), root(leaves, from + k, to));
	}

	static byte[] root(List<byte[]> leaves) {
		return root(leaves, 0, leaves.size());
	}

	/** The hash of any range of leaves, MTH(D[from:to]): what proofs are made of. */
	interface Ranges {

		byte[] hash(long from, long to);
	}

	/** PATH(m, D[0:size]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
	static List<byte[]> inclusionProof(List<byte[]> leaves, int index, int size) {
		if (index < 0 || index >= size || size > leaves.size()) {
			throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + size);
		}
		return inclusionProof(ranges(leaves), index, size);
	}

	static List<byte[]> inclusionProof(Ranges tree, long index, long size) {
		List<byte[]> proof = new ArrayList<>();
		path(tree, index, 0, size, proof);
		return proof;
	}

	private static void path(Ranges tree, long m, long from, long to, List<byte[]> proof) {
		long n = to - from;
		if (n <= 1) {
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m < k) {
			path(tree, m, from, from + k, proof);
			proof.add(tree.hash(from + k, to));
		}
		else {
			path(tree, m - k, from + k, to, proof);
			proof.add(tree.hash(from, from + k));
		}
	}

	/** PROOF(m, D[0:n]): proves the tree of size {@code first} is a prefix of the tree of size {@code second}. */
	static List<byte[]> consistencyProof(List<byte[]> leaves, int first, int second) {
		if (first < 0 || first > second || second > leaves.size()) {
			throw new IllegalArgumentException("no consistency proof from " + first + " to " + second);
		}
		return consistencyProof(ranges(leaves), first, second);
	}

	static List<byte[]> consistencyProof(Ranges tree, long first, long second) {
		List<byte[]> proof = new ArrayList<>();
		if (first > 0 && first < second) {
			subproof(tree, first, 0, second, true, proof);
		}
		return proof;
	}

	private static void subproof(Ranges tree, long m, long from, long to, boolean whole, List<byte[]> proof) {
		long n = to - from;
		if (m == n) {
			if (!whole) {
				proof.add(tree.hash(from, to));
			}
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			subproof(tree, m, from, from + k, whole, proof);
			proof.add(tree.hash(from + k, to));
		}
		else {
			subproof(tree, m - k, from + k, to, false, proof);
			proof.add(tree.hash(from, from + k));
		}
	}

	private static Ranges ranges(List<byte[]> leaves) {
		return (from, to) -> root(leaves, (int) from, (int) to);
	}

	/** RFC 9162 §2.1.3.2. */
	static boolean verifyInclusion(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size || !isHash(leaf) || !isHash(root) || proof.stream().anyMatch(h -> !isHash(h))) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leaf;
		for (byte[] p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	/** RFC 9162 §2.1.4.2, with the trivial cases of an empty first tree and equal sizes. */
	static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
		if (first < 0 || first > second || !isHash(firstRoot) || !isHash(secondRoot)
				|| proof.stream().anyMatch(h -> !isHash(h))) {
			return false;
		}
		if (first == second) {
			return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
		}
		if (first == 0) {
			return proof.isEmpty() && Arrays.equals(firstRoot, emptyRoot());
		}
		if (proof.isEmpty()) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(first) == 1) {
			path.add(0, firstRoot);
		}
		long fn = first - 1;
		long sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = nodeHash(c, fr);
				sr = nodeHash(c, sr);
				if ((fn & 1) == 0) {
					while ((fn & 1) == 0 && fn != 0) {
						fn >>= 1;
						sn >>= 1;
					}
				}
			}
			else {
				sr = nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot) && sn == 0;
	}

	static int largestPowerOfTwoBelow(int n) {
		return Integer.highestOneBit(n - 1);
	}

	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

	private static boolean isHash(byte[] hash) {
		return hash != null && hash.length == HASH_SIZE;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
