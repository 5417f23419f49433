package org.custodia.activity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.UserView;
import org.custodia.identity.Users;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CsvRows;
import org.custodia.shared.CustodiaException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activities from an agency's inspection plan as CSV, header {@code type,place,start,end,officers,parties,case}:
 * the type by code or name, times as {@code 2026-11-20 09:00} in the agency's zone (or ISO instants),
 * officers by user name separated by {@code ;}, the case by its number. Refused lines are reported.
 */
@Component
public class InspectionPlans {

	/** What an import registered, and each refused line with the reason's message key. */
	public record ImportResult(List<Activity> created, List<String> refused) {
	}

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Activities activities;

	private final ActivityRepository repository;

	private final PolicyDecisions decisions;

	private final Users users;

	private final Clock clock;

	InspectionPlans(Activities activities, ActivityRepository repository, PolicyDecisions decisions, Users users, Clock clock) {
		this.activities = activities;
		this.repository = repository;
		this.decisions = decisions;
		this.users = users;
		this.clock = clock;
	}

	@Transactional
	public ImportResult importCsv(Actor actor, String agency, String csv) {
		activities.visible(actor, agency);
		decisions.decide(actor, Action.RECORD_ACTIVITIES, agency).orThrow();
		Map<String, UUID> byName = new HashMap<>();
		for (UserView user : users.list(actor, agency)) {
			byName.put(user.username(), user.id());
		}
		List<Activity> created = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		List<CsvRows.Row> rows = CsvRows.of(csv);
		for (CsvRows.Row row : rows.subList(Math.min(1, rows.size()), rows.size())) {
			String[] cells = new String[7];
			for (int column = 0; column < cells.length; column++) {
				cells[column] = row.get(column);
			}
			try {
				List<UUID> officers = new ArrayList<>();
				for (String name : cells[4].split(";")) {
					if (!name.isBlank()) {
						UUID id = byName.get(name.strip());
						if (id == null) {
							throw CustodiaException.badRequest("error.activity-officer-unknown", name.strip());
						}
						officers.add(id);
					}
				}
				UUID caseId = null;
				if (!cells[6].isBlank()) {
					caseId = repository.caseByNumber(agency, cells[6].strip())
						.orElseThrow(() -> CustodiaException.badRequest("error.case-not-in-agency", cells[6].strip()))
						.id();
				}
				created.add(activities.add(actor, new NewActivity(agency, cells[0].strip(), null, caseId, cells[1],
						time(cells[2]), time(cells[3]), officers, cells[5]), ActivitySource.PLAN));
			}
			catch (CustodiaException e) {
				refused.add(row.line() + ": " + e.messageKey());
			}
			catch (DateTimeParseException e) {
				refused.add(row.line() + ": error.time-invalid");
			}
		}
		return new ImportResult(created, refused);
	}

	private Instant time(String cell) {
		String text = cell.strip();
		if (text.isEmpty()) {
			return null;
		}
		if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
			return java.time.OffsetDateTime.parse(text).toInstant();
		}
		return LocalDateTime.parse(text.replace('T', ' '), LOCAL).atZone(clock.getZone()).toInstant();
	}
}
