package org.custodia.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;

/**
 * Copies the files of one import into the store eight at a time, each file in a batch of its own that is
 * committed (durable, in place) and then recorded in its copier thread: an import killed part-way keeps
 * every file recorded so far. Each copy ends waiting for its disk, and fsyncs that wait together share the
 * file system's journal commits (500 × 4 MB, 2026-12-03: one at a time 9.6–10.2 s, four 6.0–6.7 s, eight
 * 5.6 s, sixteen 5.5–6.2 s; a commit per file in each of the eight threads kept that, bench/RESULTS.md).
 * One file's failure does not stop the others.
 * <p>
 * The copy may start before anything can be recorded (the command line copies while the application
 * starts, {@link ImportHeadStart}): a file copied then waits, staged and not in the store, until
 * {@link #finish} says how to record, or {@link #abandon} discards it.
 */
final class BatchCopy {

	static final int AT_ONCE = 8;

	/** Bytes copied at most before the import is confirmed (see roomBeforeFinish). */
	static final long UNCONFIRMED = 2L << 30;

	/** Bytes begun before the import was confirmed; guarded by {@link #waiting}. */
	private long unconfirmed;

	/** A file written and hashed into its own batch, waiting to be committed and recorded. */
	private record Staged(SourceFile file, BlobStore.Batch batch, String type, String problem) {
	}

	private final ExecutorService copiers = Executors.newFixedThreadPool(AT_ONCE, runnable -> {
		Thread thread = new Thread(runnable, "custodia-import-copy");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<SourceFile, CompletableFuture<RecordingImports.Outcome>> results = new LinkedHashMap<>();

	private final List<Staged> waiting = new ArrayList<>();

	/** Files that failed before there was a recorder to tell. */
	private final List<RecordingImports.Outcome> failedEarly = new ArrayList<>();

	private final AtomicBoolean abandoned = new AtomicBoolean();

	private FileRecorder recorder;

	private Set<SourceFile> leftOut = Set.of();

	private volatile LongConsumer copied;

	private BatchCopy(LongConsumer copied) {
		this.copied = copied;
	}

	/** Copies and records every file; returns how each went, in the order given, once all are done. */
	static List<RecordingImports.Outcome> copy(String agency, List<SourceFile> sources, BlobStore store, CopySources files,
			FileRecorder recorder, LongConsumer copied) {
		BatchCopy copy = new BatchCopy(copied);
		copy.finishWith(recorder, Set.of());
		copy.begin(agency, sources, store, files);
		return copy.await();
	}

	/** Begins copying every file; nothing is recorded before {@link #finish}. */
	static BatchCopy start(String agency, List<SourceFile> sources, BlobStore store, CopySources files, LongConsumer copied) {
		BatchCopy copy = new BatchCopy(copied);
		copy.begin(agency, sources, store, files);
		return copy;
	}

	/**
	 * Records the files copied so far and those still to come, except those left out (recorded before: those
	 * waiting are discarded, those not begun are not read); returns the outcomes of the others, in order.
	 */
	List<RecordingImports.Outcome> finish(FileRecorder recorder, Set<SourceFile> leftOut, LongConsumer copied) {
		this.copied = copied;
		List<Staged> staged = finishWith(recorder, leftOut);
		List<RecordingImports.Outcome> failed;
		synchronized (waiting) {
			failed = List.copyOf(failedEarly);
			failedEarly.clear();
		}
		failed.forEach(recorder::failed);
		for (Staged each : staged) {
			CompletableFuture<RecordingImports.Outcome> result = results.get(each.file());
			copiers.execute(() -> complete(result, () -> committed(each)));
		}
		return await();
	}

	/** Discards what was copied and copies no more: nothing of it is stored. */
	void abandon() {
		abandoned.set(true);
		List<Staged> discarded;
		synchronized (waiting) {
			waiting.notifyAll();
			discarded = List.copyOf(waiting);
			waiting.clear();
		}
		discarded.forEach(staged -> staged.batch().close());
		discarded.forEach(staged -> results.get(staged.file()).complete(null));
		try {
			await();
		}
		catch (RuntimeException e) {
			// nothing of an abandoned copy is kept, whatever broke it
		}
	}

	private List<Staged> finishWith(FileRecorder recorder, Set<SourceFile> leftOut) {
		synchronized (waiting) {
			this.recorder = recorder;
			waiting.notifyAll();
			this.leftOut = leftOut;
			List<Staged> staged = new ArrayList<>();
			for (Staged each : waiting) {
				if (leftOut.contains(each.file())) {
					each.batch().close();
					results.get(each.file()).complete(null);
				}
				else {
					staged.add(each);
				}
			}
			waiting.clear();
			return staged;
		}
	}

	private void begin(String agency, List<SourceFile> sources, BlobStore store, CopySources files) {
		sources.forEach(file -> results.put(file, new CompletableFuture<>()));
		for (SourceFile file : sources) {
			CompletableFuture<RecordingImports.Outcome> result = results.get(file);
			copiers.execute(() -> complete(result, () -> copyOne(agency, file, store, files)));
		}
	}

	/** Null: the file was left out or abandoned; WAITS: it waits for its recorder, and {@link #finish} completes it. */
	private static void complete(CompletableFuture<RecordingImports.Outcome> result,
			java.util.function.Supplier<RecordingImports.Outcome> step) {
		try {
			RecordingImports.Outcome outcome = step.get();
			if (outcome != WAITS) {
				result.complete(outcome);
			}
		}
		catch (RuntimeException | Error e) {
			result.completeExceptionally(e);
		}
	}

	private static final RecordingImports.Outcome WAITS = new RecordingImports.Outcome("", ImportResult.SKIPPED, null,
			null, null, null);

	private RecordingImports.Outcome copyOne(String agency, SourceFile file, BlobStore store, CopySources files) {
		if (!roomBeforeFinish(files.size(file)) || isLeftOut(file)) {
			return null;
		}
		BlobStore.Batch batch = store.batch();
		Staged staged;
		try {
			staged = stage(agency, file, batch, files);
		}
		catch (RuntimeException | Error e) {
			batch.close();
			throw e;
		}
		if (staged.problem() != null) {
			batch.close();
			return failed(file, staged.problem());
		}
		synchronized (waiting) {
			if (abandoned.get() || leftOut.contains(file)) {
				batch.close();
				return null;
			}
			if (recorder == null) {
				waiting.add(staged);
				return WAITS;
			}
		}
		return committed(staged);
	}

	private Staged stage(String agency, SourceFile file, BlobStore.Batch batch, CopySources files) {
		try {
			batch.requireRoomFor(files.size(file));
		}
		catch (CustodiaException e) {
			return new Staged(file, batch, null, e.messageKey());
		}
		DeviceFile source;
		try {
			source = files.open(file);
		}
		catch (IOException e) {
			return new Staged(file, batch, null, "error.source-unopenable");
		}
		try (source) {
			byte[] head = source.head(ContentTypes.HEAD_BYTES);
			batch.stage(agency, files.day(file), file.extensionHint(),
					source.checking(files.size(file), bytes -> {
						FirstByte.report();
						copied.accept(bytes);
					}));
			return new Staged(file, batch, ContentTypes.of(head, head.length), null);
		}
		catch (IOException | CustodiaException e) {
			return new Staged(file, batch, null, DeviceFile.problem(e));
		}
	}

	private RecordingImports.Outcome committed(Staged staged) {
		FileRecorder recording;
		synchronized (waiting) {
			recording = recorder;
		}
		StoredBlob blob;
		try (BlobStore.Batch batch = staged.batch()) {
			blob = batch.commit().get(0);
		}
		catch (CustodiaException e) {
			return failed(staged.file(), e.messageKey());
		}
		return recording.stored(staged.file(), staged.type(), blob);
	}

	/**
	 * Before anything may be recorded, at most {@link #UNCONFIRMED} bytes are copied: an import the application
	 * then refuses (a folder outside the roots) copied no more than that for nothing. False when abandoned.
	 */
	private boolean roomBeforeFinish(long bytes) {
		synchronized (waiting) {
			while (recorder == null && !abandoned.get() && unconfirmed > 0 && unconfirmed + bytes > UNCONFIRMED) {
				try {
					waiting.wait(100);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			if (recorder == null) {
				unconfirmed += bytes;
			}
			return !abandoned.get();
		}
	}

	private boolean isLeftOut(SourceFile file) {
		synchronized (waiting) {
			return leftOut.contains(file);
		}
	}

	/** A failed file, told to the recorder at once, or when there is one. */
	private RecordingImports.Outcome failed(SourceFile file, String problem) {
		RecordingImports.Outcome outcome = new RecordingImports.Outcome(file.name(), ImportResult.FAILED, null, null,
				null, problem);
		FileRecorder recording;
		synchronized (waiting) {
			recording = recorder;
			if (recording == null) {
				failedEarly.add(outcome);
			}
		}
		if (recording != null) {
			recording.failed(outcome);
		}
		return outcome;
	}

	/** Every copy is waited for, even after one broke: none may still be writing when the import returns. */
	private List<RecordingImports.Outcome> await() {
		try {
			return CopyResults.all(results.values());
		}
		finally {
			copiers.shutdownNow();
		}
	}
}
