package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.custodia.shared.MutableClock;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proofs and tree heads put together from stored subtrees and leaves are RFC 6962's, byte for byte, for
 * every index and size: here with subtrees of 4 leaves and more, stored up to a point and extended later,
 * so that small trees cross every boundary between what is stored and what is read leaf by leaf.
 */
class StoredTreeTests {

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void proofsAndHeadsFromStoredSubtreesAreThoseOfTheWholeTree(TestDatabases.Kind kind) throws Exception {
		// One connection for the thousands of small reads below: a new one each time costs PostgreSQL milliseconds.
		DataSource dataSource = new SingleConnectionDataSource(TestDatabases.migrated(kind).getConnection(), true);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		Ledger ledger = new Ledger(dataSource, new MutableClock(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
		for (int i = 0; i < 45; i++) {
			int n = i;
			transactions.executeWithoutResult(status -> ledger.append(LedgerEvent.bySystem("test", "neiqiu-health",
					"test.appended", "thing", "t-" + n, Map.of("n", n))));
		}
		List<byte[]> leaves = jdbc.sql("select entry from ledger_entry order by seq").query(String.class).list().stream()
			.map(entry -> Merkle.leafHash(entry.getBytes(StandardCharsets.UTF_8)))
			.toList();
		StoredTree tree = new StoredTree(jdbc, 2);
		LedgerProofs proofs = new LedgerProofs(jdbc, 2);

		assertSameAsTheWholeTree(proofs, leaves);
		tree.extend(13);
		assertThat(jdbc.sql("select count(*) from ledger_subtree").query(Long.class).single()).isEqualTo(3 + 1);
		assertSameAsTheWholeTree(proofs, leaves);
		tree.extend(45);
		assertSameAsTheWholeTree(proofs, leaves);
		jdbc.sql("select node, hash from ledger_subtree").query((rs, n) -> {
			long node = rs.getLong(1);
			int height = (int) (node >> 48);
			int from = (int) ((node & ((1L << 48) - 1)) << height);
			assertThat(rs.getString(2)).isEqualTo(HexFormat.of().formatHex(Merkle.root(leaves, from, from + (1 << height))));
			return node;
		}).list();
		assertThat(jdbc.sql("select count(*) from ledger_subtree").query(Long.class).single()).isEqualTo(11 + 5 + 2 + 1);
	}

	private static void assertSameAsTheWholeTree(LedgerProofs proofs, List<byte[]> leaves) {
		for (int size = 0; size <= leaves.size(); size++) {
			assertThat(proofs.root(size)).isEqualTo(Merkle.root(leaves.subList(0, size)));
			for (int index = 0; index < size; index++) {
				assertThat(proofs.inclusion(index, size)).as("inclusion of %d in %d", index, size)
					.containsExactlyElementsOf(Merkle.inclusionProof(leaves, index, size));
			}
			for (int first = 0; first <= size; first++) {
				assertThat(proofs.consistency(first, size)).as("consistency of %d with %d", first, size)
					.containsExactlyElementsOf(Merkle.consistencyProof(leaves, first, size));
			}
		}
	}
}
