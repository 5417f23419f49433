package org.custodia.activity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.Agencies;
import org.custodia.identity.Users;
import org.custodia.policy.Text;
import org.custodia.shared.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The compliance board page (合规看板) of a period, and the board as a CSV file and a Chinese PDF. */
@Component
public class CompliancePage {

	public record View(ComplianceBoard.Board board, Map<UUID, String> names, ZoneId zone, Map<String, Text> types) {
	}

	/** A download: its bytes, their type and the file name, which says the agency and the period. */
	public record Export(byte[] body, String type, String filename) {
	}

	private final ComplianceBoard board;

	private final Activities activities;

	private final Agencies agencies;

	private final Users users;

	private final Clock clock;

	CompliancePage(ComplianceBoard board, Activities activities, Agencies agencies, Users users, Clock clock) {
		this.board = board;
		this.activities = activities;
		this.agencies = agencies;
		this.users = users;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public View view(Actor actor, String agency, LocalDate from, LocalDate to) {
		ComplianceBoard.Board shown = board.board(actor, actor.agencyOf(agency), from, to);
		return new View(shown, users.displayNames(actor, shown.agency()), clock.getZone(),
				ActivityTypes.labels(activities.types(actor, shown.agency())));
	}

	@Transactional(readOnly = true)
	public Export csv(Actor actor, String agency, LocalDate from, LocalDate to) {
		ComplianceBoard.Board shown = board.board(actor, actor.agencyOf(agency), from, to);
		return new Export(ComplianceSheet.csv(shown), "text/csv;charset=" + StandardCharsets.UTF_8.name(),
				filename(shown, "csv"));
	}

	@Transactional(readOnly = true)
	public Export pdf(Actor actor, String agency, LocalDate from, LocalDate to) {
		ComplianceBoard.Board shown = board.board(actor, actor.agencyOf(agency), from, to);
		byte[] pdf = ComplianceSheet.pdf(shown, agencies.get(actor, shown.agency()).nameZh(),
				users.displayNames(actor, shown.agency()), clock.getZone());
		return new Export(pdf, "application/pdf", filename(shown, "pdf"));
	}

	private static String filename(ComplianceBoard.Board shown, String extension) {
		return "compliance-" + shown.agency() + "-" + shown.from() + "-" + shown.to() + "." + extension;
	}
}
