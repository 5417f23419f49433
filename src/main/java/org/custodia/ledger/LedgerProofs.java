package org.custodia.ledger;

import java.util.HexFormat;
import java.util.List;

import org.custodia.shared.CustodiaException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Inclusion and consistency proofs (RFC 6962 §2.1.1, §2.1.2) over the stored leaf hashes. */
@Component
class LedgerProofs {

	private final JdbcClient jdbc;

	LedgerProofs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	List<byte[]> inclusion(long index, long size) {
		List<byte[]> leaves = leaves(size);
		if (index < 0 || index >= size) {
			throw CustodiaException.badRequest("error.ledger-proof-range", index, size);
		}
		return Merkle.inclusionProof(leaves, (int) index, (int) size);
	}

	@Transactional(readOnly = true)
	List<byte[]> consistency(long first, long second) {
		if (first < 0 || first > second) {
			throw CustodiaException.badRequest("error.ledger-proof-range", first, second);
		}
		return Merkle.consistencyProof(leaves(second), (int) first, (int) second);
	}

	@Transactional(readOnly = true)
	byte[] root(long size) {
		return Merkle.root(leaves(size));
	}

	@Transactional(readOnly = true)
	byte[] leafHash(long index) {
		return jdbc.sql("select leaf_hash from ledger_entry where seq = :seq").param("seq", index)
			.query(String.class)
			.optional()
			.map(HexFormat.of()::parseHex)
			.orElseThrow(() -> CustodiaException.notFound("error.ledger-entry-not-found", index));
	}

	private List<byte[]> leaves(long size) {
		long available = jdbc.sql("select count(*) from ledger_entry").query(Long.class).single();
		if (size < 0 || size > available || size > Integer.MAX_VALUE) {
			throw CustodiaException.badRequest("error.ledger-size-beyond-log", size, available);
		}
		return jdbc.sql("select leaf_hash from ledger_entry where seq < :size order by seq")
			.param("size", size)
			.query(String.class)
			.list()
			.stream()
			.map(HexFormat.of()::parseHex)
			.toList();
	}
}
