package org.custodia.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recordings: the import of a folder on the workstation, and the list of what was imported. */
@RestController
@RequestMapping("/api/v1/recordings")
class RecordingsApiController {

	record FolderImport(@NotBlank String folder, @NotBlank String device, String agency, UUID officerId) {
	}

	private final PolicyDecisions decisions;

	private final RecordingRepository recordings;

	private final RecordingImports imports;

	RecordingsApiController(PolicyDecisions decisions, RecordingRepository recordings, RecordingImports imports) {
		this.decisions = decisions;
		this.recordings = recordings;
		this.imports = imports;
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<Recording> list(@RequestParam(required = false) String agency, @RequestParam(required = false) UUID device,
			@RequestParam(defaultValue = "100") int limit) {
		Actor actor = CurrentActor.get();
		String agencyCode = agency != null ? agency : actor.agency().orElse(null);
		decisions.decide(actor, Action.SEE_RECORDINGS, agencyCode).orThrow();
		return recordings.list(agencyCode, device, Math.max(1, Math.min(limit, 1000)));
	}

	@PostMapping("/import")
	List<RecordingImports.Outcome> importFolder(@Valid @RequestBody FolderImport request) {
		Actor actor = CurrentActor.get();
		String agency = request.agency() != null ? request.agency()
				: actor.agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
		return imports.importFolder(actor, agency, request.device(), request.officerId(), Path.of(request.folder()));
	}
}
