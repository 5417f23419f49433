package org.custodia.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The import of a folder on the workstation into the register of recordings. */
@RestController
class FolderImportApiController {

	/** With {@code removeFromDevice}, verified copies are removed from the device afterwards, where allowed. */
	record FolderImport(@NotBlank String folder, @NotBlank String device, String agency, UUID officerId,
			Boolean removeFromDevice) {

		boolean removing() {
			return Boolean.TRUE.equals(removeFromDevice);
		}
	}

	record FolderImportResult(List<RecordingImports.Outcome> outcomes, List<DeviceCleanup.Removal> removals) {
	}

	private final RecordingImports imports;

	private final DeviceCleanup cleanup;

	FolderImportApiController(RecordingImports imports, DeviceCleanup cleanup) {
		this.imports = imports;
		this.cleanup = cleanup;
	}

	@PostMapping("/api/v1/recordings/import")
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
}
