package org.custodia.preservation.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.custodia.preservation.FourChecks;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page 四性检测: choose a recording, a case or the store, see each check with its basis, download the report. */
@Controller
class FourChecksPageController {

	/** How many recordings of a store the page lists: those that did not pass; the PDF has them all. */
	static final int STORE_SHOWN = 200;

	private final FourChecks checks;

	FourChecksPageController(FourChecks checks) {
		this.checks = checks;
	}

	@GetMapping("/four-checks")
	String page(@RequestParam(required = false) UUID recording, @RequestParam(name = "case", required = false) UUID caseId,
			@RequestParam(required = false) String store, @RequestParam(required = false) String agency, Locale locale,
			Model model) {
		Actor actor = CurrentActor.get();
		FourChecks.Report report = recording != null ? checks.recording(actor, recording, locale)
				: caseId != null ? checks.ofCase(actor, caseId, agency, locale)
						: store != null ? checks.store(actor, agency, locale, STORE_SHOWN) : null;
		model.addAttribute("report", report);
		model.addAttribute("shown", STORE_SHOWN);
		model.addAttribute("recording", recording);
		model.addAttribute("caseId", caseId);
		model.addAttribute("agency", agency);
		return "preservation/four-checks";
	}

	@GetMapping("/four-checks.pdf")
	void pdf(@RequestParam(required = false) UUID recording, @RequestParam(name = "case", required = false) UUID caseId,
			@RequestParam(required = false) String agency, HttpServletResponse response) throws IOException {
		Actor actor = CurrentActor.get();
		if (recording == null && caseId == null) {
			String code = checks.storeOf(actor, agency);
			start(response, "four-checks-" + code + ".pdf");
			checks.storePdf(actor, code, response.getOutputStream());
			return;
		}
		FourChecks.Report report = recording != null ? checks.recording(actor, recording, Locale.SIMPLIFIED_CHINESE)
				: checks.ofCase(actor, caseId, agency, Locale.SIMPLIFIED_CHINESE);
		start(response, "four-checks-" + report.subjectId() + ".pdf");
		checks.print(report, response.getOutputStream());
	}

	private static void start(HttpServletResponse response, String filename) {
		response.setContentType(MediaType.APPLICATION_PDF_VALUE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
	}
}
