package org.custodia.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.springframework.http.HttpStatus;

/**
 * The copy of a committed original on the second root (ARC-2), checked against the hash the original
 * was stored under twice over: the original as read again from its disk on the way, the second copy by
 * reading it back once durable. Both reads bypass the page cache where the file system allows, so what
 * is compared is what the disks hold, not what this process meant to write. Identical bytes already in
 * the second root are kept, never replaced.
 */
final class SecondCopy {

	private SecondCopy() {
	}

	static void make(Path root, Path secondRoot, String key, String hash, Writers writers,
			FileSystemBlobStore.Opener opener) {
		Path temp = StoreFiles.incoming(secondRoot, key.split("/")[0], writers);
		MessageDigest original = Digests.sha256();
		long size;
		try (InputStream in = StoreFiles.readPastCache(root.resolve(key)); FileChannel out = opener.open(temp, true)) {
			size = HashingCopy.copy(in, out, temp, original, null);
			out.force(true);
		}
		catch (IOException e) {
			StoreFiles.discard(temp);
			throw StoreFiles.writeFailure(e);
		}
		if (!HexFormat.of().formatHex(original.digest()).equals(hash)) {
			StoreFiles.discard(temp);
			throw new StorageException(HttpStatus.INTERNAL_SERVER_ERROR, "error.stored-copy-differs", null, root);
		}
		if (!readBack(temp).equals(hash)) {
			StoreFiles.discard(temp);
			throw new StorageException(HttpStatus.INTERNAL_SERVER_ERROR, "error.second-copy-differs", null, secondRoot);
		}
		Path target = secondRoot.resolve(key);
		StoreFiles.place(temp, target, size);
		try {
			StoreFiles.syncDirectory(target.getParent());
		}
		catch (IOException e) {
			throw StoreFiles.writeFailure(e);
		}
	}

	/** The SHA-256 of what the second disk holds of the copy. */
	private static String readBack(Path temp) {
		MessageDigest copy = Digests.sha256();
		try (InputStream in = StoreFiles.readPastCache(temp)) {
			byte[] buffer = new byte[HashingCopy.BUFFER];
			for (int read; (read = in.read(buffer)) != -1;) {
				copy.update(buffer, 0, read);
			}
		}
		catch (IOException e) {
			StoreFiles.discard(temp);
			throw StoreFiles.writeFailure(e);
		}
		return HexFormat.of().formatHex(copy.digest());
	}
}
