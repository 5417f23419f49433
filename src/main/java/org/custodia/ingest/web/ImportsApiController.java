package org.custodia.ingest.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.custodia.ingest.BackgroundImports;
import org.custodia.ingest.BackgroundImports.JobView;
import org.custodia.shared.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Imports as background jobs: a folder of the workstation, or finished browser uploads; and their progress. */
@RestController
@RequestMapping("/api/v1/imports")
class ImportsApiController {

	record FolderImport(@NotBlank String device, @NotBlank String folder, UUID officerId) {
	}

	record UploadImport(@NotBlank String device, UUID officerId, @NotEmpty @Size(max = 1000) List<String> uploads) {
	}

	private final BackgroundImports imports;

	ImportsApiController(BackgroundImports imports) {
		this.imports = imports;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	JobView importFolder(@Valid @RequestBody FolderImport request, Locale locale) {
		return imports.importFolder(CurrentActor.get(), request.device(), request.officerId(), request.folder(), locale);
	}

	@PostMapping("/uploads")
	@ResponseStatus(HttpStatus.ACCEPTED)
	JobView importUploads(@Valid @RequestBody UploadImport request, Locale locale) {
		return imports.importUploads(CurrentActor.get(), request.device(), request.officerId(), request.uploads(), locale);
	}

	@GetMapping
	List<JobView> recent(Locale locale) {
		return imports.recent(CurrentActor.get(), locale);
	}

	@GetMapping("/{id}")
	JobView job(@PathVariable UUID id, Locale locale) {
		return imports.job(CurrentActor.get(), id, locale);
	}
}
