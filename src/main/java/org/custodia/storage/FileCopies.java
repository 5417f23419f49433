package org.custodia.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The copies of the file-system store, read again and repaired. Reading goes at the disk's speed while
 * nothing is written, and pauses after each chunk while an import writes here or in another process
 * (a temporary file in an {@code .incoming} directory), so that imports keep their speed.
 */
@Component
class FileCopies implements StoredCopies {

	private static final Logger log = LoggerFactory.getLogger(FileCopies.class);

	/** How long a look at the {@code .incoming} directories holds. */
	private static final long WRITERS_LOOK_NANOS = Duration.ofMillis(250).toNanos();

	private final FileSystemBlobStore store;

	private final Duration pauseWhileWriting;

	private volatile long lookedAt = System.nanoTime() - WRITERS_LOOK_NANOS;

	private volatile boolean othersWriting;

	FileCopies(FileSystemBlobStore store,
			@Value("${custodia.fixity.read-pause-while-writing:PT0.05S}") Duration pauseWhileWriting) {
		this.store = store;
		this.pauseWhileWriting = pauseWhileWriting;
	}

	@Override
	public boolean hasSecondCopy() {
		return store.secondRoot() != null;
	}

	@Override
	public CopyCheck check(String key, String expectedSm3OrNull) {
		String expected = expectedSha256(key);
		List<Copy> copies = new ArrayList<>();
		copies.add(read(Place.PRIMARY, store.root().resolve(key), expected, expectedSm3OrNull));
		if (hasSecondCopy()) {
			copies.add(read(Place.SECOND, store.secondRoot().resolve(key), expected, expectedSm3OrNull));
		}
		return new CopyCheck(key, expected, List.copyOf(copies));
	}

	@Override
	public RepairResult repair(String key) {
		CopyCheck before = check(key, null);
		if (before.allGood()) {
			return new RepairResult(key, Outcome.NOTHING_TO_REPAIR, List.of(), null, null, before);
		}
		if (!before.anyGood()) {
			return new RepairResult(key, Outcome.NO_GOOD_COPY, List.of(), null, null, before);
		}
		Copy good = before.copies().stream().filter(Copy::good).findFirst().orElseThrow();
		List<Place> repaired = new ArrayList<>();
		for (Copy bad : before.copies()) {
			if (bad.good()) {
				continue;
			}
			try {
				if (replace(key, good.place(), bad.place(), before.expectedSha256())) {
					repaired.add(bad.place());
				}
			}
			catch (StorageException e) {
				log.warn("Could not repair the {} copy of {}: {} ({})", bad.place(), key, e.messageKey(), String.valueOf(e.getCause()));
				Throwable cause = e.getCause() != null ? e.getCause() : e;
				return new RepairResult(key, Outcome.FAILED, List.copyOf(repaired), e.messageKey(),
						String.valueOf(cause.getMessage()), before);
			}
		}
		return new RepairResult(key, Outcome.REPAIRED, List.copyOf(repaired), null, null, before);
	}

	@Override
	public void forEachStoredKey(Consumer<String> key) {
		walk(store.root(), key, null);
		if (hasSecondCopy()) {
			walk(store.secondRoot(), key, store.root());
		}
	}

	private static void walk(Path base, Consumer<String> key, Path skipWhereIn) {
		if (!Files.isDirectory(base)) {
			return;
		}
		try (Stream<Path> files = Files.walk(base, 5)) {
			files.map(file -> base.relativize(file).toString().replace('\\', '/'))
				.filter(name -> FileSystemBlobStore.KEY.matcher(name).matches())
				.filter(name -> skipWhereIn == null || !Files.exists(skipWhereIn.resolve(name), LinkOption.NOFOLLOW_LINKS))
				.forEach(key);
		}
		catch (IOException | java.io.UncheckedIOException e) {
			log.warn("Could not list every file under {}", base, e);
		}
	}

	private static String expectedSha256(String key) {
		if (key == null || !FileSystemBlobStore.KEY.matcher(key).matches()) {
			throw new StorageException(HttpStatus.BAD_REQUEST, "error.blob-key", null, key);
		}
		String name = key.substring(key.lastIndexOf('/') + 1);
		return name.substring(0, name.indexOf('.'));
	}

	private Copy read(Place place, Path file, String expectedSha256, String expectedSm3) {
		if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
			return new Copy(place, State.MISSING, null, null, -1, null);
		}
		long size = -1;
		try {
			size = Files.size(file);
			if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				return new Copy(place, State.UNREADABLE, null, null, size, "not a regular file");
			}
			MessageDigest sha256 = Digests.sha256();
			SM3Digest sm3 = expectedSm3 == null ? null : new SM3Digest();
			long read = readAhead(file, size, sha256, sm3);
			String foundSha256 = HexFormat.of().formatHex(sha256.digest());
			String foundSm3 = sm3 == null ? null : Digests.hex(sm3);
			boolean good = foundSha256.equals(expectedSha256)
					&& (expectedSm3 == null || expectedSm3.equalsIgnoreCase(foundSm3));
			return new Copy(place, good ? State.GOOD : State.DIFFERS, foundSha256, foundSm3, read, null);
		}
		catch (AccessDeniedException e) {
			return new Copy(place, State.UNREADABLE, null, null, size, "permission denied");
		}
		catch (IOException e) {
			return new Copy(place, State.UNREADABLE, null, null, size, String.valueOf(e.getMessage()));
		}
	}

	/** The size of each read: large enough that a disk read past the page cache streams as {@code cat}'s does. */
	static final int CHUNK = 4 << 20;

	private static final java.util.concurrent.ExecutorService READERS = java.util.concurrent.Executors
		.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "custodia-fixity-read");
			thread.setDaemon(true);
			return thread;
		});

	/**
	 * Hashes a file as its disk gives it: past the page cache where the file system allows (an ordinary read
	 * where it does not), the next chunk read while this one is hashed, pausing between chunks while an
	 * import writes. Returns the bytes read.
	 */
	private long readAhead(Path file, long size, MessageDigest sha256, SM3Digest sm3) throws IOException {
		FileChannel channel;
		try {
			channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ, com.sun.nio.file.ExtendedOpenOption.DIRECT);
		}
		catch (UnsupportedOperationException | IOException e) {
			channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ);
		}
		// three buffers: one hashed while the disk reads the next two (two reads in flight, as read-ahead has)
		java.nio.ByteBuffer[] buffers = { buffer(), buffer(), buffer() };
		byte[] slice = sm3 == null ? null : new byte[64 * 1024];
		long chunks = (size + CHUNK - 1) / CHUNK;
		java.util.ArrayDeque<java.util.concurrent.Future<Integer>> reads = new java.util.ArrayDeque<>();
		try (FileChannel in = channel) {
			for (long k = 0; k < Math.min(2, chunks); k++) {
				reads.add(read(in, buffers, k, size));
			}
			long position = 0;
			for (long k = 0; !reads.isEmpty(); k++) {
				int length = await(reads.poll());
				if (k + 2 < chunks) {
					reads.add(read(in, buffers, k + 2, size));
				}
				java.nio.ByteBuffer current = buffers[(int) (k % 3)];
				current.flip().limit(length);
				if (sm3 != null) {
					java.nio.ByteBuffer view = current.duplicate();
					while (view.hasRemaining()) {
						int n = Math.min(slice.length, view.remaining());
						view.get(slice, 0, n);
						sm3.update(slice, 0, n);
					}
				}
				sha256.update(current);
				position += length;
				if (length < Math.min(CHUNK, size - k * CHUNK)) {
					// the file ended before its size (cut while read): what was read is what it holds
					for (java.util.concurrent.Future<Integer> rest : reads) {
						await(rest);
					}
					return position;
				}
				pace(length);
			}
			return position;
		}
	}

	private static java.util.concurrent.Future<Integer> read(FileChannel in, java.nio.ByteBuffer[] buffers, long chunk,
			long size) {
		return READERS.submit(() -> fill(in, buffers[(int) (chunk % 3)], chunk * CHUNK, size));
	}

	private static java.nio.ByteBuffer buffer() {
		return java.nio.ByteBuffer.allocateDirect(CHUNK + HashingCopy.ALIGNMENT).alignedSlice(HashingCopy.ALIGNMENT);
	}

	/** Reads up to a chunk from an aligned position: whole blocks, the file's last read shorter. */
	private static int fill(FileChannel in, java.nio.ByteBuffer buffer, long position, long size) throws IOException {
		buffer.clear();
		int wanted = (int) Math.min(CHUNK, size - position);
		while (buffer.position() < wanted) {
			int read = in.read(buffer, position + buffer.position());
			if (read <= 0) {
				break;
			}
		}
		return Math.min(buffer.position(), wanted);
	}

	private static int await(java.util.concurrent.Future<Integer> pending) throws IOException {
		try {
			return pending.get();
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("interrupted while reading " + e.getMessage());
		}
	}

	/** Gives way to an import writing now, here or in another process. */
	private void pace(int bytesRead) {
		if (pauseWhileWriting.isZero() || pauseWhileWriting.isNegative() || !writing()) {
			return;
		}
		long nanos = pauseWhileWriting.toNanos() * bytesRead / (1 << 20);
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	boolean writing() {
		if (store.writing()) {
			return true;
		}
		long now = System.nanoTime();
		if (now - lookedAt >= WRITERS_LOOK_NANOS) {
			othersWriting = temporaryFiles(store.root()) || (hasSecondCopy() && temporaryFiles(store.secondRoot()));
			lookedAt = now;
		}
		return othersWriting;
	}

	private static boolean temporaryFiles(Path base) {
		if (!Files.isDirectory(base)) {
			return false;
		}
		try (Stream<Path> agencies = Files.list(base)) {
			return agencies.map(agency -> agency.resolve(StoreFiles.INCOMING)).filter(Files::isDirectory).anyMatch(incoming -> {
				try (Stream<Path> parts = Files.list(incoming)) {
					return parts.anyMatch(part -> part.getFileName().toString().endsWith(".part"));
				}
				catch (IOException e) {
					return false;
				}
			});
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * Copies the good copy over a bad one: the good one is hashed again while read, the copy read back
	 * from its disk, and the bad one hashed once more just before the rename; returns false, touching
	 * nothing, when the one to replace turned out good.
	 */
	private boolean replace(String key, Place from, Place to, String expected) {
		Path source = base(from).resolve(key);
		Path targetBase = base(to);
		Path target = targetBase.resolve(key);
		Path temp = StoreFiles.incoming(targetBase, key.split("/")[0], store.writers());
		MessageDigest again = Digests.sha256();
		try (InputStream in = StoreFiles.readPastCache(source); FileChannel out = store.opener().open(temp, true)) {
			HashingCopy.copy(in, out, temp, again, null);
			out.force(true);
		}
		catch (IOException e) {
			StoreFiles.discard(temp);
			throw StoreFiles.writeFailure(e);
		}
		catch (RuntimeException e) {
			StoreFiles.discard(temp);
			throw e;
		}
		if (!HexFormat.of().formatHex(again.digest()).equals(expected)) {
			StoreFiles.discard(temp);
			throw new StorageException(HttpStatus.INTERNAL_SERVER_ERROR, "error.repair-source-differs", null, base(from));
		}
		Copy written = read(to, temp, expected, null);
		if (!written.good()) {
			StoreFiles.discard(temp);
			throw new StorageException(HttpStatus.INTERNAL_SERVER_ERROR, "error.repair-copy-differs", null, targetBase);
		}
		if (read(to, target, expected, null).good()) {
			StoreFiles.discard(temp);
			return false;
		}
		try {
			Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("r--r--r--"));
			Files.createDirectories(target.getParent());
			// rename(2) replaces the bad file in one step: there is never a moment without a file under the key
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
			StoreFiles.syncDirectory(target.getParent());
		}
		catch (IOException e) {
			StoreFiles.discard(temp);
			throw StoreFiles.writeFailure(e);
		}
		return true;
	}

	private Path base(Place place) {
		return place == Place.PRIMARY ? store.root() : store.secondRoot();
	}
}
