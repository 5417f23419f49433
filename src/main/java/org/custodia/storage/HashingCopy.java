package org.custodia.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
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

	static final int PIPELINE_DEPTH = 4;

	private static final ThreadFactory WRITER_THREADS = runnable -> {
		Thread thread = new Thread(runnable, "custodia-store-writer");
		thread.setDaemon(true);
		return thread;
	};

	private HashingCopy() {
	}

	/**
	 * Reads the source once: while one buffer is written by a second thread, the next is hashed here,
	 * so hashing costs no time next to the disk. Writes stay in order; buffers are reused only once written.
	 */
	static long copy(InputStream content, FileChannel out, Path temp, MessageDigest sha256, SM3Digest sm3)
			throws IOException {
		byte[][] buffers = new byte[PIPELINE_DEPTH][BUFFER];
		Future<?>[] writes = new Future<?>[PIPELINE_DEPTH];
		ExecutorService writer = Executors.newSingleThreadExecutor(WRITER_THREADS);
		long size = 0;
		try {
			for (int slot = 0;; slot = (slot + 1) % PIPELINE_DEPTH) {
				await(writes[slot]);
				byte[] buffer = buffers[slot];
				int read = readSource(content, buffer, temp);
				if (read == -1) {
					break;
				}
				writes[slot] = writer.submit(() -> {
					ByteBuffer view = ByteBuffer.wrap(buffer, 0, read);
					while (view.hasRemaining()) {
						out.write(view);
					}
					return null;
				});
				sha256.update(buffer, 0, read);
				if (sm3 != null) {
					sm3.update(buffer, 0, read);
				}
				size += read;
			}
			for (Future<?> write : writes) {
				await(write);
			}
			return size;
		}
		finally {
			writer.shutdownNow();
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

	private static int readSource(InputStream content, byte[] buffer, Path temp) {
		try {
			return content.read(buffer);
		}
		catch (IOException e) {
			StoreFiles.discard(temp);
			throw new StorageException(HttpStatus.UNPROCESSABLE_ENTITY, "error.source-unreadable", e, e.getMessage());
		}
	}
}
