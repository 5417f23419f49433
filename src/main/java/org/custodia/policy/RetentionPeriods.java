package org.custodia.policy;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonValue;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The base retention period of each agency (RET-1). Where the regulation leaves it open (001's "X个月")
 * or says nothing, an administrator sets it; until then nothing of that agency may be disposed of. Where
 * the regulation asks that footage be kept complete and names no period (000 art. 15, 004 art. 11:
 * "完整留存"), footage is kept without end unless the agency decides a period, and the administrator who
 * records it names the decision (document number and date).
 */
@Component
public class RetentionPeriods {

	private final Policies policies;

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final Clock clock;

	RetentionPeriods(Policies policies, JdbcClient jdbc, Ledger ledger, Clock clock) {
		this.policies = policies;
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Who set the period in force; the API writes the code. */
	public enum Source {

		REGULATION("regulation"),
		ADMINISTRATOR(Role.ADMINISTRATOR.code()),
		UNSET("unset"),
		/** Kept without end: the regulation wants it complete and no decision set a period. */
		KEPT_COMPLETE("kept-complete");

		private final String code;

		Source(String code) {
			this.code = code;
		}

		@JsonValue
		public String code() {
			return code;
		}
	}

	/**
	 * The period in force and its {@code source}; {@code cite} names the article that sets or leaves it open;
	 * {@code decisionNumber} and {@code decisionDate} the agency's decision behind a period an administrator
	 * recorded, where given.
	 */
	public record Effective(Optional<Integer> months, Source source, String baseStatus, boolean minimum, String cite,
			String setBy, Instant setAt, String reason, String decisionNumber, LocalDate decisionDate) {

		/** Whether an administrator must set the period before anything can be disposed of. */
		public boolean needsAdministrator() {
			return source == Source.UNSET;
		}

		/** Kept without end: the regulation asks for complete keeping and the agency decided no period. */
		public boolean keptWithoutEnd() {
			return source == Source.KEPT_COMPLETE;
		}
	}

	/** The agency's decision that sets a period where its regulation names none. */
	public record AgencyDecision(String number, LocalDate date) {
	}

	@Transactional(readOnly = true)
	public Effective effective(String agencyCode) {
		AgencyPolicy.Retention rule = policies.of(agencyCode).retention();
		Optional<Effective> set = jdbc.sql("""
				select setting_value, set_by, set_at, reason, decision_number, decision_date from policy_setting
				where agency_code = :agency and setting = 'retention.baseMonths' order by set_at desc limit 1""")
			.param("agency", agencyCode)
			.query((rs, row) -> new Effective(Optional.of(Integer.parseInt(rs.getString("setting_value"))),
					Source.ADMINISTRATOR, rule.baseStatus(), rule.minimum(), rule.cite(), rs.getString("set_by"),
					rs.getTimestamp("set_at").toInstant(), rs.getString("reason"), rs.getString("decision_number"),
					rs.getDate("decision_date") == null ? null : rs.getDate("decision_date").toLocalDate()))
			.optional();
		if (set.isPresent()) {
			return set.get();
		}
		Source source = rule.baseMonths() != null ? Source.REGULATION
				: rule.keptComplete() ? Source.KEPT_COMPLETE : Source.UNSET;
		return new Effective(Optional.ofNullable(rule.baseMonths()), source, rule.baseStatus(), rule.minimum(),
				rule.cite(), null, null, null, null, null);
	}

	/**
	 * Sets the base period where the regulation leaves it open, or raises it above a minimum the regulation
	 * sets. A period the regulation fixes cannot be changed here; where it wants footage kept complete, only
	 * the agency's decision, named by its number and date, sets one.
	 */
	@Transactional
	public Effective set(Actor actor, String agencyCode, int months, String reason, AgencyDecision decision) {
		AgencyPolicy.Retention rule = policies.of(agencyCode).retention();
		if (!actor.belongsTo(agencyCode)) {
			throw CustodiaException.forbidden("rule.tenant-isolation", PolicyDecisions.TENANT_ISOLATION);
		}
		if (!actor.has(Role.ADMINISTRATOR)) {
			throw CustodiaException.forbidden("rule.administration-only", PolicyDecisions.SEPARATION_OF_DUTIES);
		}
		if (months < 1 || months > 1200) {
			throw CustodiaException.badRequest("error.retention-months-range");
		}
		if (reason == null || reason.isBlank()) {
			throw CustodiaException.badRequest("error.reason-required");
		}
		if (rule.periodStated() && !rule.minimum()) {
			throw CustodiaException.forbidden("rule.retention-fixed", rule.cite(), rule.baseMonths());
		}
		if (rule.minimum() && rule.baseMonths() != null && months < rule.baseMonths()) {
			throw CustodiaException.forbidden("rule.retention-below-minimum", rule.cite(), rule.baseMonths());
		}
		boolean decided = decision != null && decision.number() != null && !decision.number().isBlank()
				&& decision.date() != null;
		if (rule.keptComplete() && !decided) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "rule.retention-decision-required", rule.cite(),
					Map.of("field", decision == null || decision.number() == null || decision.number().isBlank()
							? "decisionNumber" : "decisionDate"));
		}
		if (decided && decision.date().isAfter(java.time.LocalDate.ofInstant(clock.instant(), clock.getZone()))) {
			throw new CustodiaException(HttpStatus.BAD_REQUEST, "error.retention-decision-future", null,
					Map.of("field", "decisionDate"));
		}
		jdbc.sql("""
				insert into policy_setting (id, agency_code, setting, setting_value, reason, set_by, set_at,
				    decision_number, decision_date)
				values (:id, :agency, 'retention.baseMonths', :months, :reason, :setBy, :setAt, :number, :date)""")
			.param("id", UUID.randomUUID())
			.param("agency", agencyCode)
			.param("months", Integer.toString(months))
			.param("reason", reason)
			.param("setBy", actor.username())
			.param("setAt", Timestamp.from(clock.instant()))
			.param("number", decided ? decision.number().strip() : null)
			.param("date", decided ? Date.valueOf(decision.date()) : null)
			.update();
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("months", months);
		entry.put("reason", reason);
		entry.put("cite", rule.cite());
		if (decided) {
			entry.put("decisionNumber", decision.number().strip());
			entry.put("decisionDate", decision.date().toString());
		}
		ledger.append(LedgerEvent.by(actor, agencyCode, "policy.retention-set", "agency", agencyCode, entry));
		return effective(agencyCode);
	}
}
