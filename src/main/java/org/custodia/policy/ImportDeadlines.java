package org.custodia.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The import deadline each agency's regulation sets (REC-1), in the agencies' time zone: 24 hours after the
 * enforcement matter ends (000 art. 16), the end of the working day (004 art. 12; Custodia's default where a
 * regulation says only "promptly"), and where a regulation allows it for work away or without pause, hours
 * after the device came back to the unit (001 art. 13, 002 art. 13, 003 art. 13).
 */
@Component
public class ImportDeadlines {

	/** The return to the unit is unknown without a collection in the custody ledger; the hours then count from the end. */
	static final String RETURN_UNKNOWN = "custodia: the device's return to the unit is not in the custody ledger, "
			+ "so the hours count from the end of recording";

	private final Policies policies;

	private final Clock clock;

	ImportDeadlines(Policies policies, Clock clock) {
		this.policies = policies;
		this.clock = clock;
	}

	/** The deadline for what an activity ending at {@code end} recorded, by the agency's rule without exception. */
	public ImportDeadline after(String agency, Instant end) {
		AgencyPolicy.Ingest rule = policies.of(agency).ingest();
		if (!rule.deadline().endOfWorkingDay()) {
			return new ImportDeadline(end.plus(Duration.ofHours(rule.deadline().hours())), rule.deadline().cite());
		}
		ZonedDateTime local = end.atZone(clock.getZone());
		LocalDate day = local.toLocalDate();
		// an activity that ends after the working day is imported at the end of the next one
		if (!local.toLocalTime().isBefore(rule.workdayEnds().at())) {
			day = day.plusDays(1);
		}
		return new ImportDeadline(day.atTime(rule.workdayEnds().at()).atZone(clock.getZone()).toInstant(),
				rule.deadline().cite());
	}

	/** Whether the agency's regulation allows this reason to count the deadline from the return to the unit. */
	public boolean movesDeadline(String agency, String reason) {
		AgencyPolicy.AfterReturn rule = policies.of(agency).ingest().afterReturn();
		return rule != null && rule.reasons().stream().anyMatch(allowed -> allowed.code().equals(reason));
	}

	/**
	 * The deadline under the agency's exception: its hours after the return to the unit, or, with no return
	 * recorded, after the end of recording. Never earlier than the deadline without the exception.
	 */
	public ImportDeadline afterReturn(String agency, Instant end, Optional<Instant> returned) {
		AgencyPolicy.AfterReturn rule = policies.of(agency).ingest().afterReturn();
		if (rule == null) {
			throw new IllegalStateException("agency " + agency + " allows no exception to its import deadline");
		}
		ImportDeadline usual = after(agency, end);
		ImportDeadline exception = new ImportDeadline(returned.orElse(end).plus(Duration.ofHours(rule.hours())),
				returned.isPresent() ? rule.cite() : RETURN_UNKNOWN);
		return exception.at().isAfter(usual.at()) ? exception : usual;
	}
}
