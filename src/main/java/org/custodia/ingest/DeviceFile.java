package org.custodia.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

import org.custodia.shared.CustodiaException;
import org.custodia.storage.BlobStore;

/**
 * One file on a device, opened for the store: the store copies it inside the kernel
 * ({@link BlobStore.FileSource}), or reads it as a stream. Either way the import's progress advances, and
 * the bytes copied must come to the size the file had when the import began: fewer mean the device went
 * away or the file was cut, more that it was still being written. Either way the copy is not the
 * original, so it fails and the store discards it.
 */
final class DeviceFile extends InputStream implements BlobStore.FileSource {

	/** The file's size changed while it was copied. */
	static final class SizeChangedException extends IOException {

		SizeChangedException(long expected, long read) {
			super("size changed while copying: " + expected + " bytes at start, " + read + " read");
		}
	}

	private final FileChannel channel;

	private long expected = -1;

	private LongConsumer progress = bytes -> {
	};

	private long position;

	private DeviceFile(FileChannel channel) {
		this.channel = channel;
	}

	/**
	 * NIO, not java.io.File: a path from the directory listing keeps the name's raw bytes, so a name that
	 * is not valid in the JVM's encoding still opens. A file that became a link since it was listed does
	 * not open (O_NOFOLLOW): what a link points to is never imported.
	 */
	static DeviceFile open(Path file) throws IOException {
		return on(FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
	}

	/** A file already open; tests give a channel that fails part-way, as an unplugged device does. */
	static DeviceFile on(FileChannel channel) {
		return new DeviceFile(channel);
	}

	/** The same file, holding its copy to {@code expected} bytes and telling {@code progress} as it goes. */
	DeviceFile checking(long expected, LongConsumer progress) {
		this.expected = expected;
		this.progress = progress;
		return this;
	}

	/** Up to {@code length} bytes from the file's start, for its type; the copy still starts at 0. */
	byte[] head(int length) throws IOException {
		ByteBuffer head = ByteBuffer.allocate(length);
		int read;
		do {
			read = channel.read(head, head.position());
		}
		while (read > 0 && head.hasRemaining());
		return java.util.Arrays.copyOf(head.array(), head.position());
	}

	@Override
	public FileChannel channel() {
		return channel;
	}

	@Override
	public void copied(long bytes) {
		progress.accept(bytes);
	}

	@Override
	public void ended(long bytes) throws IOException {
		if (expected >= 0 && bytes != expected) {
			throw new SizeChangedException(expected, bytes);
		}
	}

	@Override
	public int read() throws IOException {
		byte[] one = new byte[1];
		return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		int read = channel.read(ByteBuffer.wrap(buffer, offset, length), position);
		if (read == -1) {
			ended(position);
			return -1;
		}
		position += read;
		if (expected >= 0 && position > expected) {
			throw new SizeChangedException(expected, position);
		}
		progress.accept(read);
		return read;
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}

	/** The message key for a file that could not be copied, by what went wrong. */
	static String problem(Exception e) {
		if (e instanceof CustodiaException custodia && !"error.source-unreadable".equals(custodia.messageKey())) {
			return custodia.messageKey();
		}
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof SizeChangedException) {
				return "error.source-changed";
			}
		}
		return "error.source-interrupted";
	}
}
