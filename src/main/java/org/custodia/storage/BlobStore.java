package org.custodia.storage;

import java.io.InputStream;
import java.time.LocalDate;

/**
 * The write-once store of originals. There is no overwrite and no delete here: an approved disposal
 * removes files through {@link BlobRemoval}, the one path that can.
 */
public interface BlobStore {

	/**
	 * Copies the stream into the store while hashing it, reading the source once; returns only when
	 * the bytes are durable (and, with a second root, copied and verified there too).
	 *
	 * @param agency the agency the original belongs to
	 * @param day the day it is filed under (the recording's day)
	 * @param nameHint the original file name, for its extension only
	 */
	StoredBlob put(String agency, LocalDate day, String nameHint, InputStream content);

	/**
	 * Many originals at once, made durable together, as {@code cp -r} + {@code sync} would: each is
	 * written and hashed when staged; {@link Batch#commit()} makes them all durable and puts them in
	 * place. What is not committed is discarded on close, leaving nothing in the store.
	 */
	Batch batch();

	/**
	 * A content stream that is also a whole regular file, read from its start: the store may copy the file
	 * inside the kernel, as {@code cp} does, and hash the copy, instead of reading it as a stream
	 * (bench/RESULTS.md compares the two). Any other stream is read as a stream.
	 */
	interface FileSource {

		/** The file, open for reading; the store reads it by position, from 0 to its end. */
		java.nio.channels.FileChannel channel();

		/** Told as the copy advances, with the bytes just copied. */
		void copied(long bytes);

		/** Told when the copy met the file's end, with the bytes copied; throws when they cannot be the original. */
		void ended(long bytes) throws java.io.IOException;
	}

	/** A set of originals that become durable and visible together. */
	interface Batch extends AutoCloseable {

		/**
		 * Writes and hashes one original; it is not in the store before {@link #commit()}. Several threads
		 * may stage at once (a batch of small files copies faster so); each learns its position in the
		 * list that {@link #commit()} returns.
		 */
		int stage(String agency, LocalDate day, String nameHint, InputStream content);

		/**
		 * Refuses at once, as a full disk ({@code error.storage-full}), an original larger than the room
		 * left: copying it would fill the disk, fail anyway, and starve the originals copied beside it.
		 */
		default void requireRoomFor(long bytes) {
		}

		/** Makes every staged original durable and puts it in place; returns them in staging order. */
		java.util.List<StoredBlob> commit();

		@Override
		void close();
	}

	/** Reads {@code length} bytes from {@code offset}; a length below 0 reads to the end. */
	InputStream open(String key, long offset, long length);

	long size(String key);

	/** The SHA-256 of a stored original, read back from the store: to verify it before the device is cleared. */
	default String sha256(String key) {
		java.security.MessageDigest sha256 = Digests.sha256();
		readBack(key, sha256::update);
		return java.util.HexFormat.of().formatHex(sha256.digest());
	}

	/**
	 * The SM3 (GB/T 32905) of a stored original, read back from the store: for originals whose SM3
	 * was not computed in the copying pass.
	 */
	default String sm3(String key) {
		org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
		readBack(key, sm3::update);
		return Digests.hex(sm3);
	}

	/** Where a digest reads its chunks from. */
	interface Chunks {

		void accept(byte[] buffer, int offset, int length);
	}

	private void readBack(String key, Chunks digest) {
		try (InputStream in = open(key, 0, -1)) {
			byte[] buffer = new byte[1 << 20];
			for (int read; (read = in.read(buffer)) > 0;) {
				digest.accept(buffer, 0, read);
			}
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/**
	 * The stored original as a local file, for readers that need to seek (FFmpeg); empty for stores
	 * that are not local files. The file is read-only.
	 */
	default java.util.Optional<java.nio.file.Path> localFile(String key) {
		return java.util.Optional.empty();
	}

	/**
	 * The permissions of the stored original's file ({@code r--r--r--}), to show that nobody may write to it; empty for
	 * stores without local files or file systems without POSIX permissions.
	 */
	default java.util.Optional<String> permissions(String key) {
		return localFile(key).flatMap(file -> {
			try {
				return java.util.Optional.of(java.nio.file.attribute.PosixFilePermissions
					.toString(java.nio.file.Files.getPosixFilePermissions(file)));
			}
			catch (UnsupportedOperationException | java.io.IOException e) {
				return java.util.Optional.empty();
			}
		});
	}

	/** Whether the store holds an object under {@code key}: asked before an original without a local file is reported missing. */
	boolean exists(String key);
}
