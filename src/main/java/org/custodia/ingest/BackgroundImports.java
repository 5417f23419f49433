package org.custodia.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.custodia.shared.HumanUnits;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The imports the API starts in the background, of a folder of the workstation or of finished browser
 * uploads, and their progress in the caller's language. Every job is of the caller's own agency.
 */
@Component
public class BackgroundImports {

	/** A job with its failure and each outcome in the caller's language. */
	public record JobView(UUID id, String agency, String device, ImportJobs.Kind kind, String startedBy,
			ImportJobs.State state, String message, int filesTotal, int filesDone, long bytesTotal, long bytesCopied,
			Long bytesPerSecond, Long etaSeconds, Instant startedAt, Instant finishedAt, List<OutcomeView> outcomes) {
	}

	public record OutcomeView(String file, ImportResult result, UUID recordingId, String sha256, Long lateMinutes,
			String problem, String text) {
	}

	private final ImportJobs jobs;

	private final BrowserUploads uploads;

	private final HumanUnits units;

	private final MessageSource messages;

	BackgroundImports(ImportJobs jobs, BrowserUploads uploads, MessageSource messages, HumanUnits units) {
		this.jobs = jobs;
		this.uploads = uploads;
		this.messages = messages;
		this.units = units;
	}

	public JobView importFolder(Actor actor, String device, UUID officerId, String folder, Locale locale) {
		return view(jobs.importFolder(actor, actor.agencyOf(null), device, officerId, ImportRoots.parse(folder)), locale);
	}

	/**
	 * Imports the actor's own finished uploads, named by their URLs or ids. An upload is removed once its file is
	 * stored; one that failed stays uploaded, to be imported again, and expiry removes it in the end. An upload
	 * not finished or not found fails alone, with its reason, and the others are imported; only a batch of which
	 * nothing can be imported is refused at once.
	 */
	public JobView importUploads(Actor actor, String device, UUID officerId, List<String> uploaded, Locale locale) {
		String agency = actor.agencyOf(null);
		jobs.checkImport(actor, agency, device, officerId);
		List<String> references = new ArrayList<>();
		List<SourceFile> files = new ArrayList<>();
		List<RecordingImports.Outcome> notReady = new ArrayList<>();
		CustodiaException firstRefusal = null;
		for (String reference : uploaded.stream().distinct().toList()) {
			try {
				files.add(uploads.finished(actor, reference));
				references.add(reference);
			}
			catch (CustodiaException e) {
				if (e.messageKey().equals("error.upload-reference")) {
					throw e;
				}
				firstRefusal = firstRefusal == null ? e : firstRefusal;
				notReady.add(new RecordingImports.Outcome(uploads.labelOf(actor, reference), ImportResult.FAILED, null,
						null, null, e.messageKey()));
			}
		}
		if (files.isEmpty() && firstRefusal != null) {
			throw firstRefusal;
		}
		return view(jobs.importFiles(actor, agency, device, officerId, files, notReady, outcomes -> {
			Set<String> failed = outcomes.stream().filter(outcome -> outcome.result() == ImportResult.FAILED)
				.map(RecordingImports.Outcome::file).collect(Collectors.toSet());
			for (int i = 0; i < files.size(); i++) {
				if (!failed.contains(files.get(i).name())) {
					uploads.delete(actor, references.get(i));
				}
			}
		}), locale);
	}

	/** The agency's jobs, newest first. */
	public List<JobView> recent(Actor actor, Locale locale) {
		return jobs.recent(actor, actor.agencyOf(null)).stream().map(job -> view(job, locale)).toList();
	}

	public JobView job(Actor actor, UUID id, Locale locale) {
		return view(jobs.get(actor, id), locale);
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
		String result = outcome.result().name();
		StringBuilder text = new StringBuilder(messages.getMessage("imports.result." + result, null, result, locale));
		if (outcome.problem() != null) {
			String key = outcome.problem().startsWith("error.") ? outcome.problem() : "imports.flag." + outcome.problem();
			text.append(messages.getMessage("imports.separator", null, "; ", locale))
				.append(messages.getMessage(key, new Object[] { outcome.file() }, outcome.problem(), locale));
		}
		if (outcome.lateMinutes() != null) {
			text.append(messages.getMessage("imports.separator", null, "; ", locale))
				.append(messages.getMessage("imports.flag.late", new Object[] { units.span(outcome.lateMinutes(), locale) },
						locale));
		}
		return new OutcomeView(outcome.file(), outcome.result(), outcome.recordingId(), outcome.sha256(),
				outcome.lateMinutes(), outcome.problem(), text.toString());
	}
}
