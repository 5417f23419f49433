package org.custodia.ledger;

import java.util.HexFormat;
import java.util.List;

import org.custodia.shared.CustodiaException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inclusion and consistency proofs (RFC 6962 §2.1.1, §2.1.2) and tree heads, from the stored subtree
 * hashes and the leaves after them: a few reads for a tree of any size up to the latest checkpoint.
 */
@Component
class LedgerProofs {

	private final JdbcClient jdbc;

	private final StoredTree tree;

	@Autowired
	LedgerProofs(JdbcClient jdbc) {
		this(jdbc, StoredTree.BASE);
	}

	LedgerProofs(JdbcClient jdbc, int base) {
		this.jdbc = jdbc;
		this.tree = new StoredTree(jdbc, base);
	}

	@Transactional(readOnly = true)
	List<byte[]> inclusion(long index, long size) {
		requireInLog(size);
		if (index < 0 || index >= size) {
			throw CustodiaException.badRequest("error.ledger-proof-range", index, size);
		}
		return tree.compute(ranges -> Merkle.inclusionProof(ranges, index, size));
	}

	@Transactional(readOnly = true)
	List<byte[]> consistency(long first, long second) {
		if (first < 0 || first > second) {
			throw CustodiaException.badRequest("error.ledger-proof-range", first, second);
		}
		requireInLog(second);
		return tree.compute(ranges -> Merkle.consistencyProof(ranges, first, second));
	}

	@Transactional(readOnly = true)
	byte[] root(long size) {
		requireInLog(size);
		return tree.compute(ranges -> ranges.hash(0, size));
	}

	@Transactional(readOnly = true)
	byte[] leafHash(long index) {
		return jdbc.sql("select leaf_hash from ledger_entry where seq = :seq").param("seq", index)
			.query(String.class)
			.optional()
			.map(HexFormat.of()::parseHex)
			.orElseThrow(() -> CustodiaException.notFound("error.ledger-entry-not-found", index));
	}

	private void requireInLog(long size) {
		// The highest number, not a count: read from the key's index, where a count reads every row.
		long available = jdbc.sql("select coalesce(max(seq), -1) + 1 from ledger_entry").query(Long.class).single();
		if (size < 0 || size > available) {
			throw CustodiaException.badRequest("error.ledger-size-beyond-log", size, available);
		}
	}
}
