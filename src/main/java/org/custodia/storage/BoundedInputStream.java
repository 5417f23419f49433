package org.custodia.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code remaining} bytes of the stream. */
final class BoundedInputStream extends FilterInputStream {

	private long remaining;

	BoundedInputStream(InputStream in, long remaining) {
		super(in);
		this.remaining = remaining;
	}

	@Override
	public int read() throws IOException {
		if (remaining <= 0) {
			return -1;
		}
		int b = super.read();
		if (b >= 0) {
			remaining--;
		}
		return b;
	}

	@Override
	public int read(byte[] b, int off, int len) throws IOException {
		if (remaining <= 0) {
			return -1;
		}
		int n = super.read(b, off, (int) Math.min(len, remaining));
		if (n > 0) {
			remaining -= n;
		}
		return n;
	}
}
