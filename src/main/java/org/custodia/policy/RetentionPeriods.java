package org.custodia.policy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.custodia.ledger.Ledger;
import org.custodia.ledger.LedgerEvent;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The base retention period of each agency (RET-1). Where the regulation leaves it open (001's
 * "X个月") or says nothing, an administrator sets it; until then nothing of that agency may be disposed of.
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

	/**
	 * The period in force. {@code source} is {@code regulation}, {@code administrator} or
	 * {@code unset}; {@code cite} names the article that sets or leaves it open.
	 */
	public record Effective(Optional<Integer> months, String source, String baseStatus, boolean minimum, String cite,
			String setBy, Instant setAt, String reason) {

		public boolean needsAdministrator() {
			return months.isEmpty();
		}
	}

	@Transactional(readOnly = true)
	public Effective effective(String agencyCode) {
		AgencyPolicy.Retention rule = policies.of(agencyCode).retention();
		Optional<Effective> set = jdbc.sql("""
				select setting_value, set_by, set_at, reason from policy_setting
				where agency_code = :agency and setting = 'retention.baseMonths' order by set_at desc limit 1""")
			.param("agency", agencyCode)
			.query((rs, row) -> new Effective(Optional.of(Integer.parseInt(rs.getString("setting_value"))),
					"administrator", rule.baseStatus(), rule.minimum(), rule.cite(), rs.getString("set_by"),
					rs.getTimestamp("set_at").toInstant(), rs.getString("reason")))
			.optional();
		if (set.isPresent()) {
			return set.get();
		}
		return new Effective(Optional.ofNullable(rule.baseMonths()), rule.baseMonths() == null ? "unset" : "regulation",
				rule.baseStatus(), rule.minimum(), rule.cite(), null, null, null);
	}

	/**
	 * Sets the base period where the regulation leaves it open, or raises it above a minimum the
	 * regulation sets. A period the regulation fixes cannot be changed here.
	 */
	@Transactional
	public Effective set(Actor actor, String agencyCode, int months, String reason) {
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
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into policy_setting (id, agency_code, setting, setting_value, reason, set_by, set_at)
				values (:id, :agency, 'retention.baseMonths', :months, :reason, :setBy, :setAt)""")
			.param("id", id)
			.param("agency", agencyCode)
			.param("months", Integer.toString(months))
			.param("reason", reason)
			.param("setBy", actor.username())
			.param("setAt", Timestamp.from(clock.instant()))
			.update();
		ledger.append(LedgerEvent.by(actor, agencyCode, "policy.retention-set", "agency", agencyCode,
				Map.of("months", months, "reason", reason, "cite", rule.cite())));
		return effective(agencyCode);
	}
}
