package org.custodia.activity.web;

import java.time.LocalDate;

import org.custodia.activity.CompliancePage;
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

	private final CompliancePage page;

	CompliancePageController(CompliancePage page) {
		this.page = page;
	}

	@GetMapping("/compliance")
	String page(@RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Model model) {
		CompliancePage.View view = page.view(CurrentActor.get(), agency, from, to);
		model.addAttribute("board", view.board());
		model.addAttribute("names", view.names());
		model.addAttribute("zone", view.zone());
		model.addAttribute("types", view.types());
		return "activity/compliance";
	}

	@GetMapping("/compliance/export.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return download(page.csv(CurrentActor.get(), agency, from, to));
	}

	@GetMapping("/compliance/export.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String agency, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		return download(page.pdf(CurrentActor.get(), agency, from, to));
	}

	private static ResponseEntity<byte[]> download(CompliancePage.Export export) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(export.type()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(export.filename()).build().toString())
			.body(export.body());
	}
}
