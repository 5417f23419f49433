package org.custodia.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

/** File-system chores of the store: temporary files, directory sync, extensions, failures in words. */
final class StoreFiles {

	private static final Logger log = LoggerFactory.getLogger(StoreFiles.class);

	static final int FORCING_THREADS = 8;

	static final String INCOMING = ".incoming";

	private StoreFiles() {
	}

	static Path incoming(Path base, String agency, Writers writers) {
		try {
			Path directory = Files.createDirectories(base.resolve(agency).resolve(INCOMING));
			writers.hold(base);
			return directory.resolve(writers.id() + "_" + UUID.randomUUID() + ".part");
		}
		catch (IOException e) {
			throw writeFailure(e);
		}
	}

	static StorageException writeFailure(IOException e) {
		String message = String.valueOf(e.getMessage());
		if (message.contains("No space left") || message.contains("Disk quota")) {
			return new StorageException(HttpStatus.INSUFFICIENT_STORAGE, "error.storage-full", e);
		}
		return new StorageException(HttpStatus.INTERNAL_SERVER_ERROR, "error.storage-write", e, message);
	}

	static void syncDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
	}

	static String extension(String nameHint) {
		if (nameHint == null) {
			return "bin";
		}
		String name = nameHint.substring(Math.max(nameHint.lastIndexOf('/'), nameHint.lastIndexOf('\\')) + 1);
		int dot = name.lastIndexOf('.');
		String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		return extension.matches("^[a-z0-9]{1,8}$") ? extension : "bin";
	}

	/**
	 * A temporary file is not an original: a killed import leaves some, and the next start removes those
	 * whose writer is gone. A name without its writer is removed once older than the cutoff.
	 */
	static void removeStaleParts(Path base, Instant cutoff) {
		if (!Files.isDirectory(base)) {
			return;
		}
		try (Stream<Path> files = Files.find(base, 3, (path, attributes) -> path.getFileName().toString().endsWith(".part")
				&& path.getParent().getFileName().toString().equals(INCOMING)
				&& (Writers.of(path) != null || attributes.lastModifiedTime().compareTo(FileTime.from(cutoff)) < 0))) {
			files.filter(path -> Writers.of(path) == null || !Writers.alive(base, Writers.of(path)))
				.forEach(StoreFiles::discard);
		}
		catch (IOException e) {
			log.warn("Could not look for unfinished writes under {}", base, e);
		}
		removeGoneWriters(base);
	}

	private static void removeGoneWriters(Path base) {
		Path directory = base.resolve(Writers.DIRECTORY);
		if (!Files.isDirectory(directory)) {
			return;
		}
		try (Stream<Path> locks = Files.list(directory)) {
			locks.filter(lock -> lock.getFileName().toString().endsWith(".lock"))
				.filter(lock -> !Writers.alive(base, lock.getFileName().toString().replace(".lock", "")))
				.forEach(StoreFiles::discard);
		}
		catch (IOException e) {
			log.warn("Could not look for finished writers under {}", base, e);
		}
	}

	/**
	 * Makes every file durable, several at once: the file system commits its journal once for the
	 * fsyncs that wait together, where one after the other each waited for a commit of its own.
	 */
	static void forceAll(List<Path> files) throws IOException {
		ExecutorService forcing = Executors
			.newFixedThreadPool(Math.max(1, Math.min(FORCING_THREADS, files.size())), runnable -> {
				Thread thread = new Thread(runnable, "custodia-store-force");
				thread.setDaemon(true);
				return thread;
			});
		try {
			List<Future<?>> forced = new java.util.ArrayList<>();
			for (Path file : files) {
				forced.add(forcing.submit(() -> {
					try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
						channel.force(true);
					}
					return null;
				}));
			}
			for (Future<?> each : forced) {
				try {
					each.get();
				}
				catch (ExecutionException e) {
					throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					throw new java.io.InterruptedIOException("interrupted while making the batch durable");
				}
			}
		}
		finally {
			forcing.shutdownNow();
		}
	}

	/** Refuses, as a full disk, more bytes than the disk holding {@code base} has left (see BlobStore.Batch). */
	static void requireRoom(Path base, long bytes) {
		long usable;
		try {
			usable = Files.getFileStore(Files.createDirectories(base)).getUsableSpace();
		}
		catch (IOException e) {
			// an unreadable figure is no refusal: the copy itself reports what the disk says
			return;
		}
		if (bytes > usable) {
			throw new StorageException(HttpStatus.INSUFFICIENT_STORAGE, "error.storage-full", null);
		}
	}

	/**
	 * Opens a file to read what its disk holds: past the page cache ({@code O_DIRECT}) where the file
	 * system allows, so that a check after writing compares the disk's bytes, not the memory's; an
	 * ordinary stream where it does not (tmpfs, some network file systems).
	 */
	static InputStream readPastCache(Path file) throws IOException {
		FileChannel channel;
		try {
			channel = FileChannel.open(file, StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
		}
		catch (UnsupportedOperationException | IOException e) {
			return Files.newInputStream(file);
		}
		return new DiskReads(channel, channel.size());
	}

	/** Whole aligned blocks from a channel opened for {@code O_DIRECT}, up to the file's size. */
	private static final class DiskReads extends InputStream {

		private final FileChannel channel;

		private final long size;

		private final ByteBuffer buffer = ByteBuffer.allocateDirect(HashingCopy.BUFFER + HashingCopy.ALIGNMENT)
			.alignedSlice(HashingCopy.ALIGNMENT)
			.limit(0);

		private long filledUpTo;

		DiskReads(FileChannel channel, long size) {
			this.channel = channel;
			this.size = size;
		}

		@Override
		public int read() throws IOException {
			return fill() ? buffer.get() & 0xff : -1;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int n = Math.min(length, buffer.remaining());
			buffer.get(bytes, offset, n);
			return n;
		}

		private boolean fill() throws IOException {
			if (buffer.hasRemaining()) {
				return true;
			}
			int wanted = (int) Math.min(HashingCopy.BUFFER, size - filledUpTo);
			buffer.clear();
			// Asked for whole blocks (the buffer's length) at a block-aligned offset, the disk answers with
			// what the file holds; only the file's last read comes back shorter.
			while (buffer.position() < wanted) {
				int read = channel.read(buffer, filledUpTo + buffer.position());
				if (read <= 0) {
					throw new java.io.EOFException("the file ended before its size: " + (filledUpTo + buffer.position())
							+ " of " + size + " bytes");
				}
			}
			buffer.flip().limit(wanted);
			filledUpTo += wanted;
			return wanted > 0;
		}

		@Override
		public void close() throws IOException {
			channel.close();
		}
	}

	static void discard(Path temp) {
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException e) {
			log.warn("Could not remove the unfinished file {}", temp, e);
		}
	}

	/**
	 * Puts a written original in place under its key, read-only; returns true when the store already held
	 * it (same key and size), in which case the temporary copy is dropped.
	 */
	static boolean place(Path temp, Path target, long size) {
		try {
			Files.createDirectories(target.getParent());
			if (Files.exists(target)) {
				discard(temp);
				if (Files.size(target) != size) {
					throw new StorageException(HttpStatus.CONFLICT, "error.store-conflict", null, target.getFileName());
				}
				return true;
			}
			// Read-only before it is in place: a process killed right after the rename leaves no writable original.
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException e) {
				discard(temp);
				return true;
			}
			return false;
		}
		catch (IOException e) {
			discard(temp);
			throw writeFailure(e);
		}
	}
}
