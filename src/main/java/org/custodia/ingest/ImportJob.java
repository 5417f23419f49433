package org.custodia.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One import running in the background, fed by the import's progress callbacks on the importing
 * thread and read by request threads; every access is synchronized on the job.
 */
final class ImportJob implements ImportProgress {

	private final UUID id;

	private final String agency;

	private final String device;

	private final ImportJobs.Kind kind;

	private final String startedBy;

	private final Clock clock;

	private final Instant startedAt;

	private final List<RecordingImports.Outcome> outcomes = new ArrayList<>();

	private ImportJobs.State state = ImportJobs.State.RUNNING;

	private String messageKey;

	private Object[] messageArguments = new Object[0];

	private int filesTotal;

	private long bytesTotal;

	private long bytesCopied;

	private Instant finishedAt;

	ImportJob(UUID id, String agency, String device, ImportJobs.Kind kind, String startedBy, Clock clock) {
		this.id = id;
		this.agency = agency;
		this.device = device;
		this.kind = kind;
		this.startedBy = startedBy;
		this.clock = clock;
		this.startedAt = clock.instant();
	}

	UUID id() {
		return id;
	}

	String agency() {
		return agency;
	}

	@Override
	public synchronized void started(int files, long bytes) {
		filesTotal = files;
		bytesTotal = bytes;
	}

	@Override
	public synchronized void copied(long bytes) {
		bytesCopied += bytes;
	}

	@Override
	public synchronized void finished(RecordingImports.Outcome outcome) {
		outcomes.add(outcome);
	}

	synchronized void done() {
		state = ImportJobs.State.DONE;
		finishedAt = clock.instant();
	}

	synchronized void failed(String key, Object... arguments) {
		state = ImportJobs.State.FAILED;
		messageKey = key;
		messageArguments = arguments;
		finishedAt = clock.instant();
	}

	synchronized ImportJobs.Job snapshot() {
		Instant until = finishedAt != null ? finishedAt : clock.instant();
		long millis = Duration.between(startedAt, until).toMillis();
		// Until a measurable time has passed there is no honest rate, and so no estimate either.
		Long rate = millis <= 0 ? null : bytesCopied * 1000 / millis;
		Long eta = state != ImportJobs.State.RUNNING ? Long.valueOf(0)
				: rate == null || rate == 0 ? null : Math.max(0, bytesTotal - bytesCopied) / rate;
		return new ImportJobs.Job(id, agency, device, kind, startedBy, state, messageKey, messageArguments.clone(),
				filesTotal, outcomes.size(), bytesTotal, bytesCopied, rate, eta, startedAt, finishedAt,
				List.copyOf(outcomes));
	}
}
