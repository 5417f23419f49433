package org.custodia.ingest.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.custodia.ingest.FolderImports;
import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The import of a folder on the workstation into the register of recordings, while the caller waits. */
@RestController
class FolderImportApiController {

	/** With {@code removeFromDevice}, verified copies are removed from the device afterwards, where allowed. */
	record FolderImport(@NotBlank String folder, @NotBlank String device, String agency, UUID officerId,
			Boolean removeFromDevice) {

		boolean removing() {
			return Boolean.TRUE.equals(removeFromDevice);
		}
	}

	private final FolderImports imports;

	FolderImportApiController(FolderImports imports) {
		this.imports = imports;
	}

	/** The outcomes alone; with a removal asked for, the outcomes and the removals. */
	@PostMapping("/api/v1/recordings/import")
	Object importFolder(@Valid @RequestBody FolderImport request) {
		Actor actor = CurrentActor.get();
		FolderImports.Imported imported = imports.importFolder(actor, actor.agencyOf(request.agency()), request.device(),
				request.officerId(), request.folder(), request.removing());
		return request.removing() ? imported : imported.outcomes();
	}
}
