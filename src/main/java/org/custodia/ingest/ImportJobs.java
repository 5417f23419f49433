package org.custodia.ingest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.custodia.device.DeviceRegister;
import org.custodia.policy.Action;
import org.custodia.policy.PolicyDecisions;
import org.custodia.recording.RecordingOfficers;
import org.custodia.shared.Actor;
import org.custodia.shared.CustodiaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Imports that run in the background while the page shows their progress: a folder on the
 * workstation or finished browser uploads. Jobs live in memory only (the ledger is the record of
 * what was stored); each is visible to its own agency alone.
 */
@Component
public class ImportJobs implements DisposableBean {

	/** Where a job stands. */
	public enum State {
		RUNNING, DONE, FAILED
	}

	/** What a job imports: a folder of the workstation, or finished browser uploads. */
	public enum Kind {
		FOLDER, UPLOAD
	}

	/** A job as the API shows it; {@code messageKey} says why a job failed. */
	public record Job(UUID id, String agency, String device, Kind kind, String startedBy, State state,
			String messageKey, Object[] messageArguments, int filesTotal, int filesDone, long bytesTotal,
			long bytesCopied, Long bytesPerSecond, Long etaSeconds, Instant startedAt, Instant finishedAt,
			List<RecordingImports.Outcome> outcomes) {
	}

	static final int KEPT = 50;

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private final RecordingImports imports;

	private final DeviceRegister register;

	private final PolicyDecisions decisions;

	private final Clock clock;

	// Two imports at once at most: each is bound by the disks, and the workstation serves the pages too.
	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES,
			new ArrayBlockingQueue<>(16), runnable -> {
				Thread thread = new Thread(runnable, "custodia-import");
				thread.setDaemon(true);
				return thread;
			});

	private final Map<UUID, ImportJob> jobs = new LinkedHashMap<>();

	private final ImportRoots roots;

	private final RecordingOfficers officers;

	ImportJobs(RecordingImports imports, DeviceRegister register, PolicyDecisions decisions, Clock clock,
			ImportRoots roots, RecordingOfficers officers) {
		this.roots = roots;
		this.officers = officers;
		this.imports = imports;
		this.register = register;
		this.decisions = decisions;
		this.clock = clock;
	}

	/** Starts importing a folder of the workstation, after the checks that can refuse it at once. */
	public Job importFolder(Actor actor, String agency, String device, UUID officerId, Path folder) {
		checkImport(actor, agency, device, officerId);
		// Checked again by the import itself, which reads from the real path it finds then.
		roots.check(agency, folder);
		return start(actor, agency, device, Kind.FOLDER,
				job -> imports.importFolder(actor, agency, device, officerId, folder, job), outcomes -> {
				});
	}

	/** Starts importing files already on the workstation; {@code afterwards} sees the outcomes once all are stored. */
	Job importFiles(Actor actor, String agency, String device, UUID officerId, List<SourceFile> files,
			List<RecordingImports.Outcome> failedBefore, Consumer<List<RecordingImports.Outcome>> afterwards) {
		checkImport(actor, agency, device, officerId);
		return start(actor, agency, device, Kind.UPLOAD,
				job -> imports.importFiles(actor, agency, device, officerId, files, failedBefore, job), afterwards);
	}

	/**
	 * Refuses an import the actor may not make, of a device the agency does not have, or for someone who
	 * is not an officer of the agency, before anything runs.
	 */
	void checkImport(Actor actor, String agency, String device, UUID officerId) {
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		register.byNumber(actor, agency, device);
		officers.check(agency, officerId);
	}

	public Job get(Actor actor, UUID id) {
		ImportJob job;
		synchronized (jobs) {
			job = jobs.get(id);
		}
		// Another agency's job is reported as missing: its existence is not the caller's business.
		if (job == null || !actor.agency().map(job.agency()::equals).orElse(false)) {
			throw CustodiaException.notFound("error.import-job-not-found", id);
		}
		return job.snapshot();
	}

	/** The agency's jobs, newest first. */
	public List<Job> recent(Actor actor, String agency) {
		decisions.decide(actor, Action.IMPORT, agency).orThrow();
		List<ImportJob> mine = new ArrayList<>();
		synchronized (jobs) {
			jobs.values().stream().filter(job -> job.agency().equals(agency)).forEach(mine::add);
		}
		java.util.Collections.reverse(mine);
		return mine.stream().map(ImportJob::snapshot).toList();
	}

	private Job start(Actor actor, String agency, String device, Kind kind,
			java.util.function.Function<ImportJob, List<RecordingImports.Outcome>> work,
			Consumer<List<RecordingImports.Outcome>> afterwards) {
		ImportJob job = new ImportJob(UUID.randomUUID(), agency, device, kind, actor.username(), clock);
		synchronized (jobs) {
			jobs.put(job.id(), job);
			if (jobs.size() > KEPT) {
				jobs.remove(jobs.keySet().iterator().next());
			}
		}
		try {
			executor.execute(() -> run(job, work, afterwards));
		}
		catch (RejectedExecutionException e) {
			synchronized (jobs) {
				jobs.remove(job.id());
			}
			throw CustodiaException.conflict("error.import-busy");
		}
		return job.snapshot();
	}

	private static void run(ImportJob job, java.util.function.Function<ImportJob, List<RecordingImports.Outcome>> work,
			Consumer<List<RecordingImports.Outcome>> afterwards) {
		try {
			List<RecordingImports.Outcome> outcomes = work.apply(job);
			afterwards.accept(outcomes);
			job.done();
		}
		catch (CustodiaException e) {
			job.failed(e.messageKey(), e.arguments());
		}
		catch (RuntimeException e) {
			log.error("import job {} failed", job.id(), e);
			job.failed("error.import-failed", String.valueOf(e.getMessage()));
		}
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
