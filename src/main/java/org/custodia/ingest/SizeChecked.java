package org.custodia.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.custodia.shared.CustodiaException;

/**
 * A device file read to its end must have the size it had when the import began: fewer bytes mean
 * the device went away or the file was cut, more mean it was still being written. Either way the copy
 * is not the original, so the read fails and the store discards it.
 */
final class SizeChecked extends FilterInputStream {

	/** The file's size changed while it was copied. */
	static final class SizeChangedException extends IOException {

		SizeChangedException(long expected, long read) {
			super("size changed while copying: " + expected + " bytes at start, " + read + " read");
		}
	}

	private final long expected;

	private long read;

	SizeChecked(InputStream in, long expected) {
		super(in);
		this.expected = expected;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		check(b == -1 ? -1 : 1);
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		check(n);
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		throw new IOException("an original is read whole");
	}

	private void check(int n) throws SizeChangedException {
		if (n > 0) {
			read += n;
		}
		if (read > expected || (n == -1 && read != expected)) {
			throw new SizeChangedException(expected, read);
		}
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
