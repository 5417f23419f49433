package org.custodia.storage;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Puts an application's store on a disk that is full, as far as its writes can tell, until closed. */
public final class FullDisks {

	private FullDisks() {
	}

	public static AutoCloseable fill(BlobStore store) {
		// /dev/full answers every write with ENOSPC, as a full disk does.
		FileSystemBlobStore files = (FileSystemBlobStore) store;
		files.openingWith((path, direct) -> FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE));
		return () -> files.openingWith(FileSystemBlobStore.TEMPORARY);
	}
}
