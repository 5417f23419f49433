package org.custodia.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tree as the database keeps it: leaf hashes in {@code ledger_entry}, and the hashes of complete,
 * aligned subtrees of 2^{@code base} leaves and more in {@code ledger_subtree}, added as checkpoints are
 * signed. A proof or a tree head is put together from the largest stored subtrees and the leaves of the
 * rest: a few reads however large the tree, instead of every leaf. The node of height h and ordinal i
 * (leaves i·2^h to (i+1)·2^h − 1) is stored under the key h·2^48 + i.
 */
final class StoredTree {

	static final int BASE = 8;

	private static final long HEIGHT = 1L << 48;

	private final JdbcClient jdbc;

	private final int base;

	StoredTree(JdbcClient jdbc, int base) {
		this.jdbc = jdbc;
		this.base = base;
	}

	/**
	 * Runs {@code work} over the tree's range hashes twice: once to learn which hashes it needs, then with
	 * those hashes read in one query for stored subtrees and one per run of leaves. The work must ask for
	 * the same ranges whatever the hashes are, as proofs do.
	 */
	<T> T compute(Function<Merkle.Ranges, T> work) {
		Needed needed = new Needed(covered());
		byte[] unknown = new byte[Merkle.HASH_SIZE];
		work.apply((from, to) -> mth(from, to, key -> {
			needed.node(key);
			return unknown;
		}));
		Map<Long, byte[]> stored = nodes(needed.nodes);
		Map<Long, byte[]> leaves = leaves(needed.leaves);
		Map<Long, byte[]> made = new HashMap<>();
		return work.apply((from, to) -> mth(from, to, key -> resolve(key, stored, leaves, made)));
	}

	/** MTH(D[from:to]) of RFC 6962 §2.1, its perfect aligned subtrees given by {@code node}. */
	private static byte[] mth(long from, long to, Function<Long, byte[]> node) {
		long n = to - from;
		if (n == 0) {
			return Merkle.emptyRoot();
		}
		if (Long.bitCount(n) == 1 && from % n == 0) {
			int height = Long.numberOfTrailingZeros(n);
			return node.apply(height * HEIGHT + (from >> height));
		}
		long k = Merkle.largestPowerOfTwoBelow(n);
		return Merkle.nodeHash(mth(from, from + k, node), mth(from + k, to, node));
	}

	private static byte[] resolve(long key, Map<Long, byte[]> stored, Map<Long, byte[]> leaves, Map<Long, byte[]> made) {
		long height = key / HEIGHT;
		long ordinal = key % HEIGHT;
		if (height == 0) {
			return leaves.get(ordinal);
		}
		byte[] hash = stored.get(key);
		if (hash == null) {
			hash = made.get(key);
		}
		if (hash == null) {
			hash = Merkle.nodeHash(resolve((height - 1) * HEIGHT + 2 * ordinal, stored, leaves, made),
					resolve((height - 1) * HEIGHT + 2 * ordinal + 1, stored, leaves, made));
			made.put(key, hash);
		}
		return hash;
	}

	/** Stores the subtrees completed by the first {@code size} leaves that are not stored yet. */
	void extend(long size) {
		long covered = covered();
		long end = size >> base << base;
		if (end <= covered) {
			return;
		}
		Extension extension = new Extension(covered >> base);
		List<Long> prefix = pieces(covered);
		Map<Long, byte[]> stored = nodes(prefix);
		prefix.forEach(key -> extension.stack.push(new Node(key / HEIGHT, key % HEIGHT, stored.get(key))));
		jdbc.sql("select leaf_hash from ledger_entry where seq >= :from and seq < :to order by seq")
			.param("from", covered)
			.param("to", end)
			.withFetchSize(LogScan.FETCH)
			.query((ResultSet rs) -> extension.leaf(HexFormat.of().parseHex(rs.getString(1))));
	}

	private record Node(long height, long ordinal, byte[] hash) {
	}

	/** New leaves, gathered into blocks of 2^base; each block and each subtree it completes is stored. */
	private final class Extension {

		private final Deque<Node> stack = new ArrayDeque<>();

		private Frontier.Growing block = new Frontier.Growing();

		private long ordinal;

		Extension(long firstBlock) {
			this.ordinal = firstBlock;
		}

		void leaf(byte[] leafHash) {
			block.append(leafHash);
			if (block.size() == 1L << base) {
				push(new Node(base, ordinal++, block.root()));
				block = new Frontier.Growing();
			}
		}

		private void push(Node node) {
			store(node);
			if (!stack.isEmpty() && stack.peek().height() == node.height()) {
				Node left = stack.pop();
				push(new Node(node.height() + 1, left.ordinal() / 2, Merkle.nodeHash(left.hash(), node.hash())));
			}
			else {
				stack.push(node);
			}
		}
	}

	private void store(Node node) {
		jdbc.sql("insert into ledger_subtree (node, hash) values (:node, :hash)")
			.param("node", node.height() * HEIGHT + node.ordinal())
			.param("hash", HexFormat.of().formatHex(node.hash()))
			.update();
	}

	/** How many leaves, from the first, the stored subtrees cover: all their subtrees of 2^base leaves and more are stored. */
	private long covered() {
		long last = jdbc.sql("select coalesce(max(node), -1) from ledger_subtree where node >= :from and node < :to")
			.param("from", base * HEIGHT)
			.param("to", (base + 1) * HEIGHT)
			.query(Long.class)
			.single();
		return last < 0 ? 0 : (last - base * HEIGHT + 1) << base;
	}

	/** The keys of the perfect subtrees that make up the first {@code size} leaves, largest first. */
	private static List<Long> pieces(long size) {
		List<Long> pieces = new ArrayList<>();
		long at = 0;
		for (int height = 62; height >= 0; height--) {
			if ((size & 1L << height) != 0) {
				pieces.add(height * HEIGHT + (at >> height));
				at += 1L << height;
			}
		}
		return pieces;
	}

	private Map<Long, byte[]> nodes(java.util.Collection<Long> keys) {
		Map<Long, byte[]> nodes = new HashMap<>();
		if (keys.isEmpty()) {
			return nodes;
		}
		jdbc.sql("select node, hash from ledger_subtree where node in (:keys)")
			.param("keys", keys)
			.query((ResultSet rs) -> {
				nodes.put(rs.getLong(1), HexFormat.of().parseHex(rs.getString(2)));
			});
		if (nodes.size() != keys.size()) {
			throw new IllegalStateException("stored subtree hashes are missing; run 'java -jar custodia.jar verify'");
		}
		return nodes;
	}

	/** The leaf hashes at the given positions, read as runs of consecutive positions. */
	private Map<Long, byte[]> leaves(TreeSet<Long> positions) {
		Map<Long, byte[]> leaves = new HashMap<>();
		while (!positions.isEmpty()) {
			long from = positions.first();
			long to = from;
			while (positions.contains(to)) {
				positions.remove(to);
				to++;
			}
			jdbc.sql("select seq, leaf_hash from ledger_entry where seq >= :from and seq < :to")
				.param("from", from)
				.param("to", to)
				.query((ResultSet rs) -> {
					leaves.put(rs.getLong(1), HexFormat.of().parseHex(rs.getString(2)));
				});
			if (leaves.size() < to - from) {
				throw new IllegalStateException("ledger entries " + from + " to " + (to - 1)
						+ " are not all there; run 'java -jar custodia.jar verify'");
			}
		}
		return leaves;
	}

	/** What a computation needs: stored subtrees within the covered leaves, single leaves elsewhere. */
	private final class Needed {

		private final long covered;

		private final TreeSet<Long> nodes = new TreeSet<>();

		private final TreeSet<Long> leaves = new TreeSet<>();

		Needed(long covered) {
			this.covered = covered;
		}

		void node(long key) {
			long height = key / HEIGHT;
			long ordinal = key % HEIGHT;
			if (height == 0) {
				leaves.add(ordinal);
			}
			else if (height >= base && (ordinal + 1) << height <= covered) {
				nodes.add(key);
			}
			else {
				node((height - 1) * HEIGHT + 2 * ordinal);
				node((height - 1) * HEIGHT + 2 * ordinal + 1);
			}
		}
	}
}
