package org.custodia.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

/**
 * Copies a source into a file while hashing it, reading the source once. The buffers are direct and
 * aligned to the disk's blocks, so that the file may be written past the page cache ({@code O_DIRECT},
 * see {@link FileSystemBlobStore#TEMPORARY}) without a further copy: measured, copying through heap
 * arrays and the page cache cost about twice the time of {@code cp}.
 */
final class HashingCopy {

	static final int BUFFER = FileSystemBlobStore.BUFFER;

	static final int PIPELINE_DEPTH = 8;

	/** The alignment {@code O_DIRECT} asks of buffers, file offsets and lengths (a multiple of any disk's block). */
	static final int ALIGNMENT = 4096;

	/** Buffers of finished copies, for the next: a batch of small files would otherwise allocate them each time. */
	private static final BlockingQueue<ByteBuffer> SPARE_BUFFERS = new ArrayBlockingQueue<>(4 * PIPELINE_DEPTH);

	private static final ThreadFactory WRITER_THREADS = runnable -> {
		Thread thread = new Thread(runnable, "custodia-store-copy");
		thread.setDaemon(true);
		return thread;
	};

	private HashingCopy() {
	}

	/** A buffer the reader filled: {@code length} bytes, -1 at the end, or the error reading failed with. */
	private record Chunk(ByteBuffer buffer, int length, IOException failure) {
	}

	/**
	 * Reads the source once, in three stages that overlap: a reader thread reads ahead, this thread
	 * hashes, a writer thread writes in order; so neither hashing nor writing waits for the source,
	 * and the copy runs at the speed of the slowest disk. Buffers go back to the reader only once written.
	 */
	static long copy(InputStream content, FileChannel out, Path temp, MessageDigest sha256, SM3Digest sm3)
			throws IOException {
		BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(PIPELINE_DEPTH);
		BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(PIPELINE_DEPTH + 1);
		for (int i = 0; i < PIPELINE_DEPTH; i++) {
			ByteBuffer spare = SPARE_BUFFERS.poll();
			free.add(spare != null ? spare : ByteBuffer.allocateDirect(BUFFER + ALIGNMENT).alignedSlice(ALIGNMENT));
		}
		ExecutorService reader = Executors.newSingleThreadExecutor(WRITER_THREADS);
		ExecutorService writer = Executors.newSingleThreadExecutor(WRITER_THREADS);
		Future<?> reading = reader.submit(() -> {
			readAhead(content, free, filled);
			return null;
		});
		List<Future<?>> writes = new ArrayList<>();
		byte[] sm3Slice = sm3 == null ? null : new byte[64 * 1024];
		long size = 0;
		try {
			Chunk chunk;
			while ((chunk = take(filled)).length() != -1) {
				ByteBuffer buffer = chunk.buffer();
				int length = chunk.length();
				sha256.update(buffer.duplicate());
				if (sm3 != null) {
					ByteBuffer view = buffer.duplicate();
					while (view.hasRemaining()) {
						int slice = Math.min(sm3Slice.length, view.remaining());
						view.get(sm3Slice, 0, slice);
						sm3.update(sm3Slice, 0, slice);
					}
				}
				long position = size;
				size += length;
				writes.add(writer.submit(() -> {
					write(out, temp, buffer, length, position);
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
			// Every write is done, so every buffer is back: the next copy reuses them instead of allocating new ones.
			free.forEach(SPARE_BUFFERS::offer);
			return size;
		}
		finally {
			reader.shutdownNow();
			writer.shutdownNow();
		}
	}

	/**
	 * Writes one chunk at its place. Only the source's last chunk can be shorter than a buffer; its whole
	 * blocks go the same way, and the few bytes after them through an ordinary channel, since a file opened
	 * for {@code O_DIRECT} takes whole blocks only. The caller's {@code force} makes both durable.
	 */
	private static void write(FileChannel out, Path temp, ByteBuffer buffer, int length, long position)
			throws IOException {
		int blocks = length - length % ALIGNMENT;
		ByteBuffer view = buffer.duplicate().limit(blocks);
		long at = position;
		while (view.hasRemaining()) {
			at += out.write(view, at);
		}
		if (blocks < length) {
			try (FileChannel tail = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				ByteBuffer rest = buffer.duplicate().position(blocks).limit(length);
				while (rest.hasRemaining()) {
					at += tail.write(rest, at);
				}
			}
		}
	}

	/**
	 * Fills free buffers from the source until its end, then says how it ended: cleanly or with the error.
	 * The stream is read a buffer's worth at a time through one array (the stream adapter's own 8 KiB
	 * steps cost a tenth of the copy's time); whole files do not come this way (see KernelCopy).
	 */
	private static void readAhead(InputStream content, BlockingQueue<ByteBuffer> free, BlockingQueue<Chunk> filled)
			throws InterruptedException {
		byte[] scratch = new byte[BUFFER];
		try {
			while (true) {
				ByteBuffer buffer = free.take();
				buffer.clear().limit(BUFFER);
				buffer.put(scratch, 0, content.readNBytes(scratch, 0, BUFFER));
				int length = buffer.flip().remaining();
				if (length > 0) {
					filled.put(new Chunk(buffer, length, null));
				}
				if (length < BUFFER) {
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

	/** Waits for a step of a copy; its failure is the copy's. */
	static void await(Future<?> step) throws IOException {
		if (step == null) {
			return;
		}
		try {
			step.get();
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
