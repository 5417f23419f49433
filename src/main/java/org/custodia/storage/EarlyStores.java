package org.custodia.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

import org.custodia.shared.CustodiaProperties;

/**
 * The store opened before the application has started, by the command line's import to copy while the
 * application starts: the same files, written the same way, in the same staging area, under a writer of
 * its own that a starting store leaves alone. What it copied counts only once the application's store is
 * found to be the same store ({@link #same}).
 */
public final class EarlyStores {

	private EarlyStores() {
	}

	/** The store at these settings, as the application would open it. */
	public static BlobStore open(Path dataDir, Path root, Path secondRoot, boolean sm3InPass) {
		return new FileSystemBlobStore(new StorageProperties(root, secondRoot, sm3InPass),
				new CustodiaProperties(dataDir, false), Clock.systemUTC());
	}

	/** Whether two stores write the same files the same way: what one staged the other may take as its own. */
	public static boolean same(BlobStore early, BlobStore store) {
		if (!(early instanceof FileSystemBlobStore one) || !(store instanceof FileSystemBlobStore other)) {
			return false;
		}
		return normal(one.root()).equals(normal(other.root()))
				&& Objects.equals(normal(one.secondRoot()), normal(other.secondRoot()))
				&& one.sm3InPass() == other.sm3InPass();
	}

	/** Lets go of the early store's writer lock, as the application's store does when it stops. */
	public static void release(BlobStore early) {
		if (early instanceof FileSystemBlobStore store) {
			store.release();
		}
	}

	private static Path normal(Path path) {
		return path == null ? null : path.toAbsolutePath().normalize();
	}
}
