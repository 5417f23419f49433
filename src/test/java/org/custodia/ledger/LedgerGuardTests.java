package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.custodia.shared.CustodiaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** A state-changing service method that writes no ledger entry cannot commit. */
@CustodiaIntegrationTest
@Import(LedgerGuardTests.Services.class)
class LedgerGuardTests {

	/** Two service methods that change state: one records it in the ledger, one forgets. */
	static class AgencyService {

		private final JdbcClient jdbc;

		private final Ledger ledger;

		AgencyService(JdbcClient jdbc, Ledger ledger) {
			this.jdbc = jdbc;
			this.ledger = ledger;
		}

		@Transactional
		public void createForgettingTheLedger(String code) {
			insert(code);
		}

		@Transactional
		public void createWithItsEntry(String code) {
			insert(code);
			ledger.append(LedgerEvent.bySystem("test", code, "agency.created", "agency", code, Map.of()));
		}

		@Transactional
		public void markPublicationProcessing(java.util.UUID id) {
			// as Spring Modulith's registry writes it, upper case and over lines
			jdbc.sql("UPDATE EVENT_PUBLICATION\nSET\n\t\tSTATUS = 'PROCESSING'\nWHERE\n\t\tID = ?").param(id).update();
		}

		private void insert(String code) {
			jdbc.sql("insert into identity_agency (code, name_zh, name_en, created_at) values (:code, '测试', 'Test', :at)")
				.param("code", code)
				.param("at", Timestamp.from(Instant.parse("2026-11-23T08:00:00Z")))
				.update();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Services {

		@Bean
		AgencyService agencyService(JdbcClient jdbc, Ledger ledger) {
			return new AgencyService(jdbc, ledger);
		}
	}

	@Autowired
	AgencyService service;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aChangeWithoutItsLedgerEntryIsRolledBack() {
		assertThatThrownBy(() -> service.createForgettingTheLedger("guard-test-1"))
			.hasMessageContaining("identity_agency")
			.hasMessageContaining("appended no ledger entry");
		assertThat(agencies("guard-test-1")).isZero();
	}

	@Test
	void aChangeWithItsLedgerEntryCommits() {
		service.createWithItsEntry("guard-test-2");
		assertThat(agencies("guard-test-2")).isEqualTo(1);
	}

	@Test
	void theEventRegistrysBookkeepingNeedsNoEntryOfItsOwn() {
		service.markPublicationProcessing(java.util.UUID.randomUUID());
	}

	private long agencies(String code) {
		return jdbc.sql("select count(*) from identity_agency where code = :code").param("code", code).query(Long.class).single();
	}
}
