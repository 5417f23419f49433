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

	private final LedgerAuditors auditors;

	LedgerPageController(LedgerCheckpoints checkpoints, LedgerVerifier verifier, LedgerKeys keys, CheckpointSheet sheet,
			MessageSource messages, LedgerAuditors auditors) {
		this.auditors = auditors;
		this.checkpoints = checkpoints;
		this.verifier = verifier;
		this.keys = keys;
		this.sheet = sheet;
		this.messages = messages;
	}

	@GetMapping("/ledger")
	String page(Model model) {
		auditors.requireAuditor(CurrentActor.get());
		model.addAttribute("checkpoint", checkpoints.latest().orElse(null));
		model.addAttribute("verifierKey", keys.verifierKey().text());
		return "ledger/ledger";
	}

	@PostMapping("/ledger/checkpoint")
	String checkpointNow() {
		auditors.requireAuditor(CurrentActor.get());
		checkpoints.checkpoint();
		return "redirect:/ledger";
	}

	@PostMapping("/ledger/verification")
	String verify(@RequestParam(defaultValue = "") String keptCheckpoint, Model model, Locale locale) {
		auditors.requireAuditor(CurrentActor.get());
		LedgerVerifier.Report report = verifier.verify(Optional.of(keptCheckpoint).filter(text -> !text.isBlank())
			.map(text -> text.replace("\r\n", "\n")));
		model.addAttribute("report", report);
		model.addAttribute("reportRoot", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(report.rootHash())));
		model.addAttribute("findings", report.findings().stream().map(finding -> finding.describe(messages, locale)).toList());
		return page(model);
	}

	@GetMapping("/ledger/checkpoint.txt")
	ResponseEntity<String> checkpointText() {
		auditors.requireAuditor(CurrentActor.get());
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
		auditors.requireAuditor(CurrentActor.get());
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
