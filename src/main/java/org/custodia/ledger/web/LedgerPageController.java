package org.custodia.ledger.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.custodia.ledger.LedgerAudit;
import org.custodia.shared.CurrentActor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The ledger page for administrators and supervisors: the latest checkpoint, the key, and verification. */
@Controller
class LedgerPageController {

	private final LedgerAudit audit;

	LedgerPageController(LedgerAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/ledger")
	String page(Model model) {
		LedgerAudit.Page page = audit.page(CurrentActor.get());
		model.addAttribute("checkpoint", page.checkpoint());
		model.addAttribute("verifierKey", page.verifierKey());
		return "ledger/ledger";
	}

	@PostMapping("/ledger/checkpoint")
	String checkpointNow() {
		audit.sign(CurrentActor.get());
		return "redirect:/ledger";
	}

	@PostMapping("/ledger/verification")
	String verify(@RequestParam(defaultValue = "") String keptCheckpoint, Model model, Locale locale) {
		LedgerAudit.Verified verified = audit.verifyForPage(CurrentActor.get(), keptCheckpoint, locale);
		model.addAttribute("report", verified.report());
		model.addAttribute("reportRoot", verified.root());
		model.addAttribute("findings", verified.findings());
		model.addAttribute("newest", verified.newest());
		return page(model);
	}

	@GetMapping("/ledger/checkpoint.txt")
	ResponseEntity<byte[]> checkpointText() {
		return download(audit.checkpointText(CurrentActor.get()), new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
	}

	@GetMapping("/ledger/checkpoint.pdf")
	ResponseEntity<byte[]> checkpointPdf() {
		return download(audit.checkpointPdf(CurrentActor.get()), MediaType.APPLICATION_PDF);
	}

	private static ResponseEntity<byte[]> download(LedgerAudit.Download download, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(download.filename()).build().toString())
			.body(download.body());
	}
}
