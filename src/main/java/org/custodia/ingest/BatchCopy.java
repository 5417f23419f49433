package org.custodia.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;

/**
 * Copies the files of one import into a store batch, four at a time: a batch of many small files
 * otherwise waits on each file's start and end, and the store writes past the page cache, so the disk
 * is kept busy only by several writes at once (500 × 4 MB: 3.2–3.3 s two at a time, 2.8–3.0 s four at
 * a time, bench/RESULTS.md). Every file ends either staged, with its position in the batch, or failed
 * with its reason; one file's failure does not stop the others.
 */
final class BatchCopy {

	static final int AT_ONCE = 4;

	/** How one file went: its position in the batch and its sniffed type, or the problem that stopped it. */
	record Copied(SourceFile file, int position, String type, String problem) {

		boolean staged() {
			return problem == null;
		}
	}

	/** What the copy needs of one file, besides the batch. */
	interface Files {

		InputStream open(SourceFile file) throws IOException;

		long size(SourceFile file);

		java.time.LocalDate day(SourceFile file);

		/** Told as soon as a file failed, from the copying thread, while the others go on. */
		void failed(Copied copy);
	}

	private BatchCopy() {
	}

	/** Copies every file; returns how each went, in the order given, once all are done. */
	static List<Copied> copy(String agency, List<SourceFile> sources, BlobStore.Batch batch, Files files,
			Function<InputStream, InputStream> counted) {
		ExecutorService copiers = Executors.newFixedThreadPool(AT_ONCE, runnable -> {
			Thread thread = new Thread(runnable, "custodia-import-copy");
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<Copied>> copies = new ArrayList<>();
			for (SourceFile file : sources) {
				copies.add(copiers.submit(() -> {
					Copied copied = copyOne(agency, file, batch, files, counted);
					if (!copied.staged()) {
						files.failed(copied);
					}
					return copied;
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
			Function<InputStream, InputStream> counted) {
		InputStream source;
		try {
			batch.requireRoomFor(files.size(file));
		}
		catch (CustodiaException e) {
			return new Copied(file, -1, null, e.messageKey());
		}
		try {
			source = files.open(file);
		}
		catch (IOException e) {
			return new Copied(file, -1, null, "error.source-unopenable");
		}
		try (InputStream in = new BufferedInputStream(new SizeChecked(source, files.size(file)), 1 << 16)) {
			byte[] head = new byte[16];
			in.mark(16);
			int read = in.readNBytes(head, 0, 16);
			in.reset();
			int position = batch.stage(agency, files.day(file), file.extensionHint(), counted.apply(in));
			return new Copied(file, position, ContentTypes.of(head, read), null);
		}
		catch (IOException | CustodiaException e) {
			return new Copied(file, -1, null, SizeChecked.problem(e));
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
