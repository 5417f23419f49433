package org.custodia.ledger;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.custodia.shared.CustodiaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's parts on one database and data directory, wired as Spring wires them, for tests without Spring. */
record LedgerFixture(JdbcClient jdbc, TransactionTemplate transactions, LedgerKeys keys, KeptCheckpoints kept,
		Ledger ledger, LedgerCheckpoints checkpoints, LedgerVerifier verifier, LedgerProofs proofs) {

	static LedgerFixture on(DataSource dataSource, Path dataDir, Clock clock) {
		return on(dataSource, dataDir, null, clock, List.of());
	}

	static LedgerFixture on(DataSource dataSource, Path dataDir, Path secondRoot, Clock clock, List<RegisterCheck> registers) {
		JdbcClient jdbc = JdbcClient.create(dataSource);
		DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
		LedgerKeys keys = new LedgerKeys(new CustodiaProperties(dataDir, false));
		KeptCheckpoints kept = new KeptCheckpoints(new CustodiaProperties(dataDir, false),
				secondRoot == null ? "" : secondRoot.toString());
		return new LedgerFixture(jdbc, new TransactionTemplate(transactionManager), keys, kept, new Ledger(dataSource, clock),
				new LedgerCheckpoints(jdbc, keys, clock, kept, transactionManager, true),
				new LedgerVerifier(jdbc, keys, kept, registers), new LedgerProofs(jdbc));
	}
}
