package org.custodia.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A device file that answers its first bytes and then, as a pulled cable does, an I/O error to every
 * read and every kernel copy past them.
 */
final class UnpluggedDevices {

	private UnpluggedDevices() {
	}

	static DeviceFile after(Path file, long bytes) throws IOException {
		return DeviceFile.on(new Unplugging(FileChannel.open(file, StandardOpenOption.READ), bytes));
	}

	private static final class Unplugging extends FileChannel {

		private final FileChannel file;

		private final long answered;

		Unplugging(FileChannel file, long answered) {
			this.file = file;
			this.answered = answered;
		}

		private IOException unplugged() {
			return new IOException("Input/output error");
		}

		@Override
		public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
			if (position >= answered) {
				throw unplugged();
			}
			return file.transferTo(position, Math.min(count, answered - position), target);
		}

		@Override
		public int read(ByteBuffer dst, long position) throws IOException {
			if (position >= answered) {
				throw unplugged();
			}
			ByteBuffer upTo = dst.duplicate();
			upTo.limit(upTo.position() + (int) Math.min(upTo.remaining(), answered - position));
			int read = file.read(upTo, position);
			dst.position(upTo.position());
			return read;
		}

		@Override
		public int read(ByteBuffer dst) throws IOException {
			int read = read(dst, file.position());
			file.position(file.position() + Math.max(read, 0));
			return read;
		}

		@Override
		public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
			throw unplugged();
		}

		@Override
		public int write(ByteBuffer src) throws IOException {
			throw new java.nio.channels.NonWritableChannelException();
		}

		@Override
		public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
			throw new java.nio.channels.NonWritableChannelException();
		}

		@Override
		public int write(ByteBuffer src, long position) throws IOException {
			throw new java.nio.channels.NonWritableChannelException();
		}

		@Override
		public long position() throws IOException {
			return file.position();
		}

		@Override
		public FileChannel position(long newPosition) throws IOException {
			file.position(newPosition);
			return this;
		}

		@Override
		public long size() throws IOException {
			return file.size();
		}

		@Override
		public FileChannel truncate(long size) throws IOException {
			throw new java.nio.channels.NonWritableChannelException();
		}

		@Override
		public void force(boolean metaData) throws IOException {
			file.force(metaData);
		}

		@Override
		public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
			throw new java.nio.channels.NonWritableChannelException();
		}

		@Override
		public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
			throw unplugged();
		}

		@Override
		public FileLock lock(long position, long size, boolean shared) throws IOException {
			return file.lock(position, size, shared);
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return file.tryLock(position, size, shared);
		}

		@Override
		protected void implCloseChannel() throws IOException {
			file.close();
		}
	}
}
