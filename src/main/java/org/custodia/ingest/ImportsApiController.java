package org.custodia.ingest;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.custodia.shared.Actor;
import org.custodia.shared.CurrentActor;
import org.custodia.shared.CustodiaException;
import org.springframework.context.MessageSource;
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

	/** A job with its failure and each outcome in the caller's language. */
	record JobView(UUID id, String agency, String device, ImportJobs.Kind kind, String startedBy, ImportJobs.State state,
			String message, int filesTotal, int filesDone, long bytesTotal, long bytesCopied, Long bytesPerSecond,
			Long etaSeconds, java.time.Instant startedAt, java.time.Instant finishedAt, List<OutcomeView> outcomes) {
	}

	record OutcomeView(String file, ImportResult result, UUID recordingId, String sha256, Long lateMinutes, String problem,
			String text) {
	}

	private final ImportJobs jobs;

	private final BrowserUploads uploads;

	private final MessageSource messages;

	ImportsApiController(ImportJobs jobs, BrowserUploads uploads, MessageSource messages) {
		this.jobs = jobs;
		this.uploads = uploads;
		this.messages = messages;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	JobView importFolder(@Valid @RequestBody FolderImport request, Locale locale) {
		Actor actor = CurrentActor.get();
		return view(jobs.importFolder(actor, agencyOf(actor), request.device(), request.officerId(),
				ImportRoots.parse(request.folder())), locale);
	}

	@PostMapping("/uploads")
	@ResponseStatus(HttpStatus.ACCEPTED)
	JobView importUploads(@Valid @RequestBody UploadImport request, Locale locale) {
		Actor actor = CurrentActor.get();
		String agency = agencyOf(actor);
		jobs.checkImport(actor, agency, request.device(), request.officerId());
		List<String> references = request.uploads().stream().distinct().toList();
		List<SourceFile> files = references.stream().map(reference -> uploads.finished(actor.username(), reference)).toList();
		return view(jobs.importFiles(actor, agency, request.device(), request.officerId(), files, outcomes -> {
			// A file that failed stays uploaded, to be imported again; expiry removes it in the end.
			java.util.Set<String> failed = outcomes.stream().filter(outcome -> outcome.result() == ImportResult.FAILED)
				.map(RecordingImports.Outcome::file).collect(java.util.stream.Collectors.toSet());
			for (int i = 0; i < files.size(); i++) {
				if (!failed.contains(files.get(i).name())) {
					uploads.delete(actor.username(), references.get(i));
				}
			}
		}), locale);
	}

	@GetMapping
	List<JobView> recent(Locale locale) {
		Actor actor = CurrentActor.get();
		return jobs.recent(actor, agencyOf(actor)).stream().map(job -> view(job, locale)).toList();
	}

	@GetMapping("/{id}")
	JobView job(@PathVariable UUID id, Locale locale) {
		return view(jobs.get(CurrentActor.get(), id), locale);
	}

	private static String agencyOf(Actor actor) {
		return actor.agency().orElseThrow(() -> CustodiaException.badRequest("error.agency-required"));
	}

	private JobView view(ImportJobs.Job job, Locale locale) {
		String message = job.messageKey() == null ? null
				: messages.getMessage(job.messageKey(), job.messageArguments(), job.messageKey(), locale);
		return new JobView(job.id(), job.agency(), job.device(), job.kind(), job.startedBy(), job.state(), message,
				job.filesTotal(), job.filesDone(), job.bytesTotal(), job.bytesCopied(), job.bytesPerSecond(),
				job.etaSeconds(), job.startedAt(), job.finishedAt(),
				job.outcomes().stream().map(outcome -> view(outcome, locale)).toList());
	}

	/** "stored", "already stored" or "failed: reason", then any flags, as a sentence for the result list. */
	private OutcomeView view(RecordingImports.Outcome outcome, Locale locale) {
		StringBuilder text = new StringBuilder(messages.getMessage("imports.result." + outcome.result().name(), null,
				outcome.result().name(), locale));
		if (outcome.problem() != null) {
			String key = outcome.problem().startsWith("error.") ? outcome.problem() : "imports.flag." + outcome.problem();
			text.append(messages.getMessage("imports.separator", null, "; ", locale))
				.append(messages.getMessage(key, new Object[] { outcome.file() }, outcome.problem(), locale));
		}
		if (outcome.lateMinutes() != null) {
			text.append(messages.getMessage("imports.separator", null, "; ", locale))
				.append(messages.getMessage("imports.flag.late", new Object[] { outcome.lateMinutes() }, locale));
		}
		return new OutcomeView(outcome.file(), outcome.result(), outcome.recordingId(), outcome.sha256(),
				outcome.lateMinutes(), outcome.problem(), text.toString());
	}
}
