package org.custodia.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
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

	private final LedgerCheckpoints checkpoints;

	private final LedgerVerifier verifier;

	private final LedgerKeys keys;

	private final CheckpointSheet sheet;

	private final MessageSource messages;

	LedgerPageController(LedgerCheckpoints checkpoints, LedgerVerifier verifier, LedgerKeys keys, CheckpointSheet sheet,
			MessageSource messages) {
		this.checkpoints = checkpoints;
		this.verifier = verifier;
		this.keys = keys;
		this.sheet = sheet;
		this.messages = messages;
	}

	@GetMapping("/ledger")
	String page(Model model) {
		LedgerAccess.requireAuditor(CurrentActor.get());
		model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
		model.addAttribute("verifierKey", keys.verifierKey().text());
		return "ledger/ledger";
	}

	@PostMapping("/ledger/checkpoint")
	String checkpointNow() {
		LedgerAccess.requireAuditor(CurrentActor.get());
		checkpoints.checkpoint();
		return "redirect:/ledger";
	}

	@PostMapping("/ledger/verification")
	String verify(@RequestParam(defaultValue = "") String keptCheckpoint, Model model, Locale locale) {
		LedgerAccess.requireAuditor(CurrentActor.get());
		LedgerVerifier.Report report = verifier.verify(Optional.of(keptCheckpoint)
			.filter(text -> !text.isBlank())
			.map(text -> java.util.List.of(new KeptCheckpoints.Kept(LedgerVerifier.GIVEN, text.replace("\r\n", "\n"))))
			.orElse(java.util.List.of()));
		model.addAttribute("report", report);
		model.addAttribute("reportRoot", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(report.rootHash())));
		java.util.List<String> findings = new java.util.ArrayList<>();
		report.findings().forEach(finding -> findings.add(finding.describe(messages, locale)));
		report.disagreements().forEach(disagreement -> findings.add(LedgerVerifier.describe(disagreement, messages, locale)));
		model.addAttribute("findings", findings);
		model.addAttribute("newest", report.newest() == null ? null : report.newest().describe(messages, locale));
		return page(model);
	}

	@GetMapping("/ledger/checkpoint.txt")
	ResponseEntity<String> checkpointText() {
		LedgerAccess.requireAuditor(CurrentActor.get());
		LedgerCheckpoints.StoredCheckpoint latest = latest();
		String text = latest.note() + "\n" + keys.verifierKey().text() + "\n";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("custodia-checkpoint-" + latest.size() + ".txt").build().toString())
			.body(text);
	}

	@GetMapping("/ledger/checkpoint.pdf")
	ResponseEntity<byte[]> checkpointPdf() {
		LedgerAccess.requireAuditor(CurrentActor.get());
		LedgerCheckpoints.StoredCheckpoint latest = latest();
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("custodia-checkpoint-" + latest.size() + ".pdf").build().toString())
			.body(sheet.render(latest, keys.verifierKey().text()));
	}

	private LedgerCheckpoints.StoredCheckpoint latest() {
		return checkpoints.latest().orElseThrow(() -> CustodiaException.notFound("error.ledger-no-checkpoint"));
	}

}
