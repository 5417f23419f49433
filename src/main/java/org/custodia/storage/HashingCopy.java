package org.custodia.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.http.HttpStatus;

/** Copies a source into a file while hashing it, reading the source once. */
final class HashingCopy {

	static final int BUFFER = FileSystemBlobStore.BUFFER;

	static final int PIPELINE_DEPTH = 8;

	/** Buffers of finished copies, for the next: a batch of small files would otherwise allocate 8 MiB each. */
	private static final BlockingQueue<byte[]> SPARE_BUFFERS = new ArrayBlockingQueue<>(4 * PIPELINE_DEPTH);

	private static final ThreadFactory WRITER_THREADS = runnable -> {
		Thread thread = new Thread(runnable, "custodia-store-copy");
		thread.setDaemon(true);
		return thread;
	};

	private HashingCopy() {
	}

	/** A buffer the reader filled: {@code length} bytes, -1 at the end, or the error reading failed with. */
	private record Chunk(byte[] buffer, int length, IOException failure) {
	}

	/**
	 * Reads the source once, in three stages that overlap: a reader thread reads ahead, this thread
	 * hashes, a writer thread writes in order; so neither hashing nor writing waits for the source,
	 * and the copy runs at the speed of the slowest disk. Buffers go back to the reader only once written.
	 */
	static long copy(InputStream content, FileChannel out, Path temp, MessageDigest sha256, SM3Digest sm3)
			throws IOException {
		BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(PIPELINE_DEPTH);
		BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(PIPELINE_DEPTH + 1);
		for (int i = 0; i < PIPELINE_DEPTH; i++) {
			byte[] spare = SPARE_BUFFERS.poll();
			free.add(spare != null ? spare : new byte[BUFFER]);
		}
		ExecutorService reader = Executors.newSingleThreadExecutor(WRITER_THREADS);
		ExecutorService writer = Executors.newSingleThreadExecutor(WRITER_THREADS);
		Future<?> reading = reader.submit(() -> {
			readAhead(content, free, filled);
			return null;
		});
		List<Future<?>> writes = new ArrayList<>();
		long size = 0;
		try {
			Chunk chunk;
			while ((chunk = take(filled)).length() != -1) {
				byte[] buffer = chunk.buffer();
				int length = chunk.length();
				sha256.update(buffer, 0, length);
				if (sm3 != null) {
					sm3.update(buffer, 0, length);
				}
				size += length;
				writes.add(writer.submit(() -> {
					ByteBuffer view = ByteBuffer.wrap(buffer, 0, length);
					while (view.hasRemaining()) {
						out.write(view);
					}
					free.add(buffer);
					return null;
				}));
				if (writes.size() > PIPELINE_DEPTH) {
					await(writes.remove(0));
				}
			}
			if (chunk.failure() != null) {
				StoreFiles.discard(temp);
				throw new StorageException(HttpStatus.UNPROCESSABLE_ENTITY, "error.source-unreadable", chunk.failure(),
						chunk.failure().getMessage());
			}
			for (Future<?> write : writes) {
				await(write);
			}
			await(reading);
			// Every write is done, so every buffer is back: the next copy reuses them instead of zeroing new ones.
			free.forEach(SPARE_BUFFERS::offer);
			return size;
		}
		finally {
			reader.shutdownNow();
			writer.shutdownNow();
		}
	}

	/** Fills free buffers from the source until its end, then says how it ended: cleanly or with the error. */
	private static void readAhead(InputStream content, BlockingQueue<byte[]> free, BlockingQueue<Chunk> filled)
			throws InterruptedException {
		try {
			while (true) {
				byte[] buffer = free.take();
				int read = content.readNBytes(buffer, 0, BUFFER);
				if (read > 0) {
					filled.put(new Chunk(buffer, read, null));
				}
				if (read < BUFFER) {
					break;
				}
			}
			filled.put(new Chunk(null, -1, null));
		}
		catch (IOException e) {
			filled.put(new Chunk(null, -1, e));
		}
		catch (RuntimeException e) {
			filled.put(new Chunk(null, -1, new IOException(e)));
		}
	}

	private static Chunk take(BlockingQueue<Chunk> filled) throws IOException {
		try {
			return filled.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("interrupted while storing");
		}
	}

	private static void await(Future<?> write) throws IOException {
		if (write == null) {
			return;
		}
		try {
			write.get();
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("interrupted while storing");
		}
	}

}
