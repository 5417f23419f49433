package org.custodia.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.custodia.identity.Agencies;
import org.custodia.identity.Users;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The compliance board page (合规看板) with its period filter, and its CSV and PDF exports. */
@Controller
class CompliancePageController {

	private final ComplianceBoard board;

	private final Activities activities;

	private final Agencies agencies;

	private final Users users;

	private final Clock clock;

	CompliancePageController(ComplianceBoard board, Activities activities, Agencies agencies, Users users, Clock clock) {
		this.board = board;
		this.activities = activities;
		this.agencies = agencies;
		this.users = users;
		this.clock = clock;
	}

	@GetMapping("/compliance")
	String page(@RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Model model) {
		Actor actor = CurrentActor.get();
		ComplianceBoard.Board shown = board.board(actor, ActivityApiController.agencyOf(agency), from, to);
		model.addAttribute("board", shown);
		model.addAttribute("names", users.displayNames(actor, shown.agency()));
		model.addAttribute("zone", clock.getZone());
		model.addAttribute("types", ActivityPageController.typeLabels(activities.types(actor, shown.agency())));
		return "activity/compliance";
	}

	@GetMapping("/compliance/export.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		ComplianceBoard.Board shown = board.board(CurrentActor.get(), ActivityApiController.agencyOf(agency), from, to);
		return download(ComplianceSheet.csv(shown), new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
				shown, "csv");
	}

	@GetMapping("/compliance/export.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		Actor actor = CurrentActor.get();
		ComplianceBoard.Board shown = board.board(actor, ActivityApiController.agencyOf(agency), from, to);
		byte[] pdf = ComplianceSheet.pdf(shown, agencies.get(actor, shown.agency()).nameZh(),
				users.displayNames(actor, shown.agency()), clock.getZone());
		return download(pdf, MediaType.APPLICATION_PDF, shown, "pdf");
	}


	private static ResponseEntity<byte[]> download(byte[] body, MediaType type, ComplianceBoard.Board shown, String extension) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("compliance-" + shown.agency() + "-" + shown.from() + "-" + shown.to() + "." + extension)
				.build()
				.toString())
			.body(body);
	}
}
