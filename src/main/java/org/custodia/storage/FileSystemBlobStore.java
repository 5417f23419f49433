package org.custodia.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.custodia.shared.CustodiaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The workstation's store: files under {@code <root>/<agency>/<yyyy>/<mm>/<dd>/<sha256>.<ext>}, written
 * under a temporary name, fsynced, renamed into place, the directory fsynced, then made read-only.
 * With a second root every put is copied there and verified before it returns.
 */
@Component
class FileSystemBlobStore implements BlobStore {

	private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

	static final int BUFFER = 1 << 20;

	static final Pattern AGENCY = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	static final Pattern KEY = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*/\\d{4}/\\d{2}/\\d{2}/[0-9a-f]{64}\\.[a-z0-9]{1,8}$");


	private final Path root;

	private final Path secondRoot;

	private final boolean sm3InPass;

	private final Writers writers = new Writers();

	/** Batches open in this process: a check of the store reads slower while one writes (see FileCopies). */
	private final java.util.concurrent.atomic.AtomicInteger writing = new java.util.concurrent.atomic.AtomicInteger();

	/** Opens a temporary file for writing; tests give one that fails as a full disk does. */
	interface Opener {

		/** @param pastPageCache whether the copy writes whole aligned blocks that may bypass the page cache */
		FileChannel open(Path path, boolean pastPageCache) throws IOException;
	}

	/**
	 * A new temporary file. A stream is copied past the page cache where the file system allows
	 * ({@code O_DIRECT}): the bytes go to the disk while the source is still being read, instead of all at
	 * the final fsync. A whole file copied inside the kernel goes through the page cache, as {@code cp}'s does.
	 */
	static final Opener TEMPORARY = (path, pastPageCache) -> {
		if (!pastPageCache) {
			return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
		try {
			return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
					com.sun.nio.file.ExtendedOpenOption.DIRECT);
		}
		catch (java.nio.file.FileAlreadyExistsException e) {
			throw e;
		}
		catch (UnsupportedOperationException | IOException e) {
			// tmpfs and some network file systems refuse O_DIRECT; an ordinary file is as safe, only slower
			Files.deleteIfExists(path);
			return FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		}
	};

	private Opener opener = TEMPORARY;

	FileSystemBlobStore(StorageProperties storage, CustodiaProperties custodia, Clock clock) {
		this.root = storage.root() != null ? storage.root() : custodia.dataDir().resolve("store");
		this.secondRoot = storage.secondRoot();
		this.sm3InPass = storage.sm3InPass();
		Instant cutoff = clock.instant().minus(Duration.ofHours(1));
		StoreFiles.removeStaleParts(root, cutoff);
		if (secondRoot != null) {
			StoreFiles.removeStaleParts(secondRoot, cutoff);
		}
	}

	@Override
	public StoredBlob put(String agency, LocalDate day, String nameHint, InputStream content) {
		try (Batch batch = batch()) {
			batch.stage(agency, day, nameHint, content);
			return batch.commit().get(0);
		}
	}

	@Override
	public Batch batch() {
		return new FileBatch();
	}

	/** A written and hashed temporary file waiting for its commit. */
	private record Staged(Path temp, String key, String sha256, String sm3, long size) {
	}

	private final class FileBatch implements Batch {

		private final List<Staged> staged = new ArrayList<>();

		private boolean committed;

		private final java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);

		FileBatch() {
			writing.incrementAndGet();
		}

		@Override
		public void requireRoomFor(long bytes) {
			StoreFiles.requireRoom(root, bytes);
			if (secondRoot != null) {
				StoreFiles.requireRoom(secondRoot, bytes);
			}
		}

		@Override
		public int stage(String agency, LocalDate day, String nameHint, InputStream content) {
			Staged written = write(agency, day, nameHint, content);
			synchronized (staged) {
				staged.add(written);
				return staged.size() - 1;
			}
		}

		@Override
		public List<StoredBlob> commit() {
			List<StoredBlob> stored = new ArrayList<>();
			try {
				// Whole files were made durable as they were copied; streams were written past the page cache,
				// so what is left to wait for is mostly the file system's journal.
				StoreFiles.forceAll(staged.stream().map(Staged::temp).toList());
				Set<Path> directories = new LinkedHashSet<>();
				for (Staged file : staged) {
					boolean already = StoreFiles.place(file.temp(), root.resolve(file.key()), file.size());
					directories.add(root.resolve(file.key()).getParent());
					stored.add(new StoredBlob(file.key(), file.sha256(), file.sm3(), file.size(), already));
				}
				for (Path directory : directories) {
					StoreFiles.syncDirectory(directory);
				}
			}
			catch (IOException e) {
				throw StoreFiles.writeFailure(e);
			}
			if (secondRoot != null) {
				for (Staged file : staged) {
					SecondCopy.make(root, secondRoot, file.key(), file.sha256(), writers, opener);
				}
			}
			committed = true;
			return stored;
		}

		@Override
		public void close() {
			if (open.compareAndSet(true, false)) {
				writing.decrementAndGet();
			}
			synchronized (staged) {
				if (!committed) {
					staged.forEach(file -> StoreFiles.discard(file.temp()));
				}
			}
		}
	}

	private Staged write(String agency, LocalDate day, String nameHint, InputStream content) {
		if (agency == null || !AGENCY.matcher(agency).matches()) {
			throw new StorageException(HttpStatus.BAD_REQUEST, "error.storage-agency", null, agency);
		}
		Path temp = StoreFiles.incoming(root, agency, writers);
		MessageDigest sha256 = Digests.sha256();
		SM3Digest sm3 = sm3InPass ? new SM3Digest() : null;
		long size;
		try (FileChannel out = opener.open(temp, !(content instanceof FileSource))) {
			size = content instanceof FileSource file ? KernelCopy.copy(file, out, temp, sha256, sm3)
					: HashingCopy.copy(content, out, temp, sha256, sm3);
		}
		catch (IOException e) {
			StoreFiles.discard(temp);
			throw StoreFiles.writeFailure(e);
		}
		catch (RuntimeException e) {
			StoreFiles.discard(temp);
			throw e;
		}
		String hash = HexFormat.of().formatHex(sha256.digest());
		String key = agency + "/" + String.format(Locale.ROOT, "%04d/%02d/%02d/", day.getYear(), day.getMonthValue(),
				day.getDayOfMonth()) + hash + "." + StoreFiles.extension(nameHint);
		return new Staged(temp, key, hash, sm3 == null ? null : Digests.hex(sm3), size);
	}

	@PreDestroy
	void release() {
		writers.release();
	}

	/** The store's directory, for BlobRemoval and FileCopies. */
	Path root() {
		return root;
	}

	/** The second root, or null, for BlobRemoval and FileCopies. */
	Path secondRoot() {
		return secondRoot;
	}

	boolean sm3InPass() {
		return sm3InPass;
	}

	Writers writers() {
		return writers;
	}

	Opener opener() {
		return opener;
	}

	/** Whether this process is writing originals now. */
	boolean writing() {
		return writing.get() > 0;
	}

	FileSystemBlobStore openingWith(Opener opener) {
		this.opener = opener;
		return this;
	}

	@Override
	public InputStream open(String key, long offset, long length) {
		Path file = resolve(key);
		try {
			FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
			channel.position(offset);
			InputStream whole = Channels.newInputStream(channel);
			return length < 0 ? whole : new BoundedInputStream(whole, length);
		}
		catch (NoSuchFileException e) {
			throw new StorageException(HttpStatus.NOT_FOUND, "error.blob-missing", e, key);
		}
		catch (IOException e) {
			throw new StorageException(HttpStatus.INTERNAL_SERVER_ERROR, "error.blob-unreadable", e, key);
		}
	}

	@Override
	public long size(String key) {
		try {
			return Files.size(resolve(key));
		}
		catch (NoSuchFileException e) {
			throw new StorageException(HttpStatus.NOT_FOUND, "error.blob-missing", e, key);
		}
		catch (IOException e) {
			throw new StorageException(HttpStatus.INTERNAL_SERVER_ERROR, "error.blob-unreadable", e, key);
		}
	}

	@Override
	public java.util.Optional<Path> localFile(String key) {
		Path file = resolve(key);
		return Files.isRegularFile(file) ? java.util.Optional.of(file) : java.util.Optional.empty();
	}

	@Override
	public boolean exists(String key) {
		return Files.isRegularFile(resolve(key));
	}

	private Path resolve(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new StorageException(HttpStatus.BAD_REQUEST, "error.blob-key", null, key);
		}
		return root.resolve(key);
	}

}
