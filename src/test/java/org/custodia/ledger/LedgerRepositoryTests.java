package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import org.custodia.shared.MutableClock;
import org.custodia.shared.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger table on H2 and on PostgreSQL: gapless sequence, and no UPDATE, DELETE or TRUNCATE. */
class LedgerRepositoryTests {

	private static final LedgerEvent EVENT = LedgerEvent.bySystem("test", "neiqiu-health", "test.appended", "thing", "1",
			Map.of("b", 2, "a", "一"));

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void appendsWithGaplessSequenceAcrossRollbacks(TestDatabases.Kind kind) {
		DataSource dataSource = TestDatabases.migrated(kind);
		Ledger ledger = new Ledger(dataSource, new MutableClock(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

		Long first = transactions.execute(status -> ledger.append(EVENT));
		assertThat(first).isEqualTo(0L);
		transactions.executeWithoutResult(status -> {
			ledger.append(EVENT);
			status.setRollbackOnly();
		});
		Long afterRollback = transactions.execute(status -> ledger.append(EVENT));
		assertThat(afterRollback).isEqualTo(1L);

		assertThat(ledger.entries(0, 10)).extracting(LedgerEntry::sequence).containsExactly(0L, 1L);
		assertThat(ledger.entries(0, 10).get(0).payloadJson()).isEqualTo("{\"a\":\"一\",\"b\":2}");
		assertThat(ledger.size()).isEqualTo(2);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void concurrentTransactionsOfManyEntriesEachGetAnUnbrokenRun(TestDatabases.Kind kind) throws Exception {
		DataSource dataSource = TestDatabases.migrated(kind);
		Ledger ledger = new Ledger(dataSource, new MutableClock(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		java.util.List<java.util.List<Long>> runs = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
		java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(4);
		java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
		for (int writer = 0; writer < 4; writer++) {
			int rolledBack = writer;
			done.add(writers.submit(() -> {
				for (int transaction = 0; transaction < 10; transaction++) {
					boolean rollBack = transaction == rolledBack;
					java.util.List<Long> run = transactions.execute(status -> {
						java.util.List<Long> numbers = new java.util.ArrayList<>();
						for (int entry = 0; entry < 3; entry++) {
							numbers.add(ledger.append(EVENT));
						}
						if (rollBack) {
							status.setRollbackOnly();
						}
						return numbers;
					});
					if (!rollBack) {
						runs.add(run);
					}
				}
			}));
		}
		for (java.util.concurrent.Future<?> writer : done) {
			writer.get();
		}
		writers.shutdown();
		// Each transaction's entries follow one another; rolled-back ones leave no hole; nothing is numbered twice.
		assertThat(runs).hasSize(36).allSatisfy(run -> assertThat(run).containsExactly(run.get(0), run.get(0) + 1, run.get(0) + 2));
		assertThat(ledger.entries(0, 1000)).extracting(LedgerEntry::sequence)
			.containsExactlyElementsOf(java.util.stream.LongStream.range(0, 108).boxed().toList());
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void aTransactionWhoseEntriesWereRolledBackToASavepointDoesNotCommitAGap(TestDatabases.Kind kind) {
		// Watched by the ledger guard, as the application's data source is.
		DataSource dataSource = new LedgerGuard.Guarded(TestDatabases.migrated(kind));
		Ledger ledger = new Ledger(dataSource, new MutableClock(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		TransactionTemplate nested = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		nested.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_NESTED);

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			ledger.append(EVENT);
			nested.executeWithoutResult(inner -> {
				ledger.append(EVENT);
				inner.setRollbackOnly();
			});
			ledger.append(EVENT);
		})).hasMessageContaining("gap");
		Long next = transactions.execute(status -> ledger.append(EVENT));
		assertThat(next).isZero();
		assertThat(ledger.entries(0, 10)).extracting(LedgerEntry::sequence).containsExactly(0L);
	}

	@ParameterizedTest
	@EnumSource(TestDatabases.Kind.class)
	void refusesUpdateAndDeleteEvenWithDirectSql(TestDatabases.Kind kind) {
		DataSource dataSource = TestDatabases.migrated(kind);
		Ledger ledger = new Ledger(dataSource, new MutableClock(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
		new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> ledger.append(EVENT));
		JdbcClient jdbc = JdbcClient.create(dataSource);

		assertThatThrownBy(() -> jdbc.sql("update ledger_entry set actor = 'mallory' where seq = 0").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from ledger_entry where seq = 0").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate table ledger_entry").update()).isNotNull();
		assertThatThrownBy(() -> jdbc.sql("truncate table ledger_checkpoint").update()).isNotNull();
		assertThat(ledger.entries(0, 10)).singleElement().extracting(LedgerEntry::actor).isEqualTo("system:test");
	}
}
