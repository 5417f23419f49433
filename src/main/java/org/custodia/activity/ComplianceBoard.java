package org.custodia.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.Agencies;
import org.custodia.identity.UnitView;
import org.custodia.identity.Users;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The compliance board (SUP-1) of an agency for a period: per unit and per officer, the activities
 * recorded, covered by a filed work record or missing, late imports, unexplained interruptions and
 * unconfirmed statements; and the activities that need someone's attention.
 */
@Component
public class ComplianceBoard {

	/**
	 * One line of the board. {@code required} counts the activities of a must- or may-record type;
	 * {@code missing} those past the import deadline with neither recording nor filed work record,
	 * {@code awaitingImport} those still within it.
	 */
	public record Row(String key, String name, int activities, int required, int recorded, int workRecordFiled, int missing,
			int awaitingImport, int lateImports, int unexplainedInterruptions, int missingStatements) {

		Row plus(Compliance compliance) {
			boolean counted = compliance.state() != null;
			return new Row(key, name, activities + 1, required + (counted ? 1 : 0),
					recorded + (compliance.state() == Compliance.State.RECORDED ? 1 : 0),
					workRecordFiled + (compliance.state() == Compliance.State.WORK_RECORD_FILED ? 1 : 0),
					missing + (compliance.overdue() ? 1 : 0), awaitingImport + (compliance.awaitingImport() ? 1 : 0),
					lateImports + compliance.lateImports(), unexplainedInterruptions + compliance.unexplainedInterruptions(),
					missingStatements + (compliance.statementsMissing() ? 1 : 0));
		}

		static Row empty(String key, String name) {
			return new Row(key, name, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		}
	}

	/** The board: {@code to} is the last day included. */
	public record Board(String agency, LocalDate from, LocalDate to, Row total, List<Row> byUnit, List<Row> byOfficer,
			List<ActivityView> attention) {
	}

	private final Activities activities;

	private final ComplianceFacts facts;

	private final Agencies agencies;

	private final Users users;

	private final Clock clock;

	ComplianceBoard(Activities activities, ComplianceFacts facts, Agencies agencies, Users users, Clock clock) {
		this.activities = activities;
		this.facts = facts;
		this.agencies = agencies;
		this.users = users;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Board board(Actor actor, String agency, LocalDate from, LocalDate to) {
		LocalDate last = to != null ? to : LocalDate.now(clock);
		LocalDate first = from != null ? from : last.withDayOfMonth(1);
		if (last.isBefore(first)) {
			throw CustodiaException.badRequest("error.period-invalid", first, last);
		}
		List<ActivityView> views = facts.of(activities.list(actor, agency, first.atStartOfDay(clock.getZone()).toInstant(),
				last.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
		Map<UUID, String> unitNames = new LinkedHashMap<>();
		for (UnitView unit : agencies.units(actor, agency)) {
			unitNames.put(unit.id(), unit.nameZh());
		}
		Map<UUID, String> officerNames = users.displayNames(actor, agency);
		Row total = Row.empty("total", "");
		Map<UUID, Row> byUnit = new LinkedHashMap<>();
		Map<UUID, Row> byOfficer = new LinkedHashMap<>();
		List<ActivityView> attention = new ArrayList<>();
		for (ActivityView view : views) {
			Compliance compliance = view.compliance();
			total = total.plus(compliance);
			UUID unit = view.activity().unitId();
			byUnit.put(unit, byUnit.getOrDefault(unit, Row.empty(String.valueOf(unit), unitNames.getOrDefault(unit, "—")))
				.plus(compliance));
			for (UUID officer : view.activity().officers()) {
				byOfficer.put(officer, byOfficer.getOrDefault(officer,
						Row.empty(officer.toString(), officerNames.getOrDefault(officer, officer.toString()))).plus(compliance));
			}
			if (compliance.overdue() || compliance.unexplainedInterruptions() > 0
					|| compliance.statementsMissing()) {
				attention.add(view);
			}
		}
		return new Board(agency, first, last, total, new ArrayList<>(byUnit.values()), new ArrayList<>(byOfficer.values()),
				attention);
	}
}
