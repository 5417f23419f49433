package org.custodia.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recordings: the import of a folder on the workstation, the register of what was imported, one recording.
 * Its poster frame is a picture of the footage, so the access module serves it to those who may watch.
 */
@RestController
@RequestMapping("/api/v1/recordings")
class RecordingsApiController {

	/** With {@code removeFromDevice}, verified copies are removed from the device afterwards, where allowed. */
	record FolderImport(@NotBlank String folder, @NotBlank String device, String agency, UUID officerId,
			Boolean removeFromDevice) {

		boolean removing() {
			return Boolean.TRUE.equals(removeFromDevice);
		}
	}

	record FolderImportResult(List<RecordingImports.Outcome> outcomes, List<DeviceCleanup.Removal> removals) {
	}

	/** One page, newest import first; {@code next} continues after its last row, null at the end. */
	record Page(List<Recording> items, String next) {
	}

	/** {@code lateReasonsOffered}: what the custodian may give as the reason of a late import, by the agency's rule. */
	record Detail(Recording recording, List<RecordingNotes.LateReason> lateReasons,
			List<RecordingNotes.Offered> lateReasonsOffered, List<RecordingNotes.DuplicateOffer> duplicateOffers) {
	}

	/** {@code reason}: a code of {@code lateReasonsOffered}, e.g. {@code remote-area} where the regulation allows it. */
	record LateReasonRequest(@NotBlank @Size(max = 64) String reason, @Size(max = 1000) String note) {
	}

	private final PolicyDecisions decisions;

	private final RecordingRepository recordings;

	private final RecordingImports imports;

	private final RecordingNotes notes;

	private final DeviceCleanup cleanup;

	RecordingsApiController(PolicyDecisions decisions, RecordingRepository recordings, RecordingImports imports,
			RecordingNotes notes, DeviceCleanup cleanup) {
		this.cleanup = cleanup;
		this.decisions = decisions;
		this.recordings = recordings;
		this.imports = imports;
		this.notes = notes;
	}

	@GetMapping
	@Transactional(readOnly = true)
	Page list(@RequestParam(required = false) String agency, @RequestParam(required = false) UUID device,
			@RequestParam(required = false) UUID officer,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String after, @RequestParam(defaultValue = "100") int limit) {
		Actor actor = CurrentActor.get();
		String agencyCode = agency != null ? agency : actor.agency().orElse(null);
		decisions.decide(actor, Action.SEE_RECORDINGS, agencyCode).orThrow();
		int size = Math.max(1, Math.min(limit, 1000));
		List<Recording> items = recordings.list(new RecordingRepository.Filter(agencyCode, device, officer, from, to),
				decode(after), size);
		Recording last = items.size() == size ? items.get(size - 1) : null;
		return new Page(items, last == null ? null : encode(last));
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	Detail get(@PathVariable UUID id) {
		Recording recording = visible(id);
		return new Detail(recording, notes.lateReasons(id), notes.offered(recording.agency()), notes.duplicateOffers(id));
	}

	@PostMapping("/{id}/late-reasons")
	RecordingNotes.LateReason explainLateness(@PathVariable UUID id, @Valid @RequestBody LateReasonRequest request) {
		return notes.explainLateness(CurrentActor.get(), visible(id), request.reason(), request.note());
	}

	@PostMapping("/import")
	Object importFolder(@Valid @RequestBody FolderImport request) {
		Actor actor = CurrentActor.get();
		String agency = request.agency() != null ? request.agency()
				: actor.agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
		if (request.removing()) {
			cleanup.checkAllowed(actor, agency);
		}
		Path folder = ImportRoots.parse(request.folder());
		List<RecordingImports.Outcome> outcomes = imports.importFolder(actor, agency, request.device(),
				request.officerId(), folder);
		return request.removing()
				? new FolderImportResult(outcomes, cleanup.removeImported(actor, agency, folder, outcomes)) : outcomes;
	}

	/** The recording when the actor may see its agency's register; another agency's is not found. */
	private Recording visible(UUID id) {
		Actor actor = CurrentActor.get();
		Recording recording = recordings.find(id)
			.filter(found -> actor.belongsTo(found.agency()))
			.orElseThrow(() -> CustodiaException.notFound("error.recording-not-found", id));
		decisions.decide(actor, Action.SEE_RECORDINGS, recording.agency()).orThrow();
		return recording;
	}

	static String encode(Recording last) {
		String position = last.importedAt().toEpochMilli() + ":" + last.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
	}

	static RecordingRepository.After decode(String after) {
		if (after == null || after.isBlank()) {
			return null;
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8).split(":", 2);
			return new RecordingRepository.After(Instant.ofEpochMilli(Long.parseLong(parts[0])), UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
			throw CustodiaException.badRequest("error.page-position", after);
		}
	}
}
