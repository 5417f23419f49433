package org.custodia.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;

/**
 * Copies the files of one import into a store batch, eight at a time: each copy ends waiting for its
 * disk, and fsyncs that wait together share the file system's journal commits (500 × 4 MB, 2026-12-03:
 * one at a time 9.6–10.2 s, four 6.0–6.7 s, eight 5.6 s, sixteen 5.5–6.2 s; bench/RESULTS.md). Every
 * file ends either staged, with its position in the batch, or failed with its reason; one file's failure
 * does not stop the others.
 */
final class BatchCopy {

	static final int AT_ONCE = 8;

	/** How one file went: its position in the batch and its sniffed type, or the problem that stopped it. */
	record Copied(SourceFile file, int position, String type, String problem) {

		boolean staged() {
			return problem == null;
		}
	}

	/** What the copy needs of one file, besides the batch. */
	interface Files {

		DeviceFile open(SourceFile file) throws IOException;

		long size(SourceFile file);

		java.time.LocalDate day(SourceFile file);

		/** Told as soon as a file failed, from the copying thread, while the others go on. */
		void failed(Copied copy);
	}

	private BatchCopy() {
	}

	/** Copies every file; returns how each went, in the order given, once all are done. */
	static List<Copied> copy(String agency, List<SourceFile> sources, BlobStore.Batch batch, Files files,
			LongConsumer copied) {
		ExecutorService copiers = Executors.newFixedThreadPool(AT_ONCE, runnable -> {
			Thread thread = new Thread(runnable, "custodia-import-copy");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Copied>> copies = new ArrayList<>();
			for (SourceFile file : sources) {
				copies.add(copiers.submit(() -> {
					Copied copy = copyOne(agency, file, batch, files, copied);
					if (!copy.staged()) {
						files.failed(copy);
					}
					return copy;
				}));
			}
			// Every copy is waited for, even after one broke: none may still be writing when the batch closes.
			List<Copied> results = new ArrayList<>();
			RuntimeException broke = null;
			for (Future<Copied> copy : copies) {
				try {
					results.add(await(copy));
				}
				catch (RuntimeException e) {
					broke = broke == null ? e : broke;
				}
			}
			if (broke != null) {
				throw broke;
			}
			return results;
		}
		finally {
			copiers.shutdownNow();
		}
	}

	private static Copied copyOne(String agency, SourceFile file, BlobStore.Batch batch, Files files,
			LongConsumer copied) {
		try {
			batch.requireRoomFor(files.size(file));
		}
		catch (CustodiaException e) {
			return new Copied(file, -1, null, e.messageKey());
		}
		DeviceFile source;
		try {
			source = files.open(file);
		}
		catch (IOException e) {
			return new Copied(file, -1, null, "error.source-unopenable");
		}
		try (source) {
			byte[] head = source.head(ContentTypes.HEAD_BYTES);
			int position = batch.stage(agency, files.day(file), file.extensionHint(),
					source.checking(files.size(file), copied));
			return new Copied(file, position, ContentTypes.of(head, head.length), null);
		}
		catch (IOException | CustodiaException e) {
			return new Copied(file, -1, null, DeviceFile.problem(e));
		}
	}

	private static Copied await(Future<Copied> copy) {
		try {
			return copy.get();
		}
		catch (InterruptedException e) {
			// Still wait for the copy: the batch must not close under it.
			Thread.currentThread().interrupt();
			try {
				return copy.get();
			}
			catch (InterruptedException | ExecutionException again) {
				throw new IllegalStateException("import interrupted", e);
			}
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
	}
}
