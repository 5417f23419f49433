package org.custodia.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one path that removes a stored original or derived copy (RET-1, approved disposal): nothing else in the store
 * deletes or overwrites a blob. Each removal asks its {@link DisposalWarrant} about this very key at the moment of
 * removal; only a confirmed key is removed, from the store's root and from the second root, and the directories that
 * held it are made durable. Removing a key already gone changes nothing, so an interrupted disposal can be finished
 * again.
 */
@Component
public class BlobRemoval {

	private static final Logger log = LoggerFactory.getLogger(BlobRemoval.class);

	private final FileSystemBlobStore store;

	BlobRemoval(FileSystemBlobStore store) {
		this.store = store;
	}

	/**
	 * Removes the blob under {@code key} from every root when {@code warrant} confirms it; returns whether a file was
	 * removed (false when none was left). A malformed key (one that would leave the store) and a key the warrant does
	 * not confirm are refused with a {@link StorageException}, and nothing is removed.
	 */
	public boolean remove(String key, DisposalWarrant warrant) {
		List<Path> files = new ArrayList<>();
		files.add(inside(store.root(), key));
		if (store.secondRoot() != null) {
			files.add(inside(store.secondRoot(), key));
		}
		if (warrant == null || !warrant.confirms(key)) {
			throw new StorageException(HttpStatus.FORBIDDEN, "error.blob-removal-refused", null, key);
		}
		boolean removed = false;
		for (Path file : files) {
			try {
				if (Files.deleteIfExists(file)) {
					removed = true;
					StoreFiles.syncDirectory(file.getParent());
				}
			}
			catch (NoSuchFileException e) {
				// the day's directory is gone too: nothing of this key is left here
			}
			catch (IOException e) {
				throw new StorageException(HttpStatus.INTERNAL_SERVER_ERROR, "error.blob-removal-failed", e, key,
						String.valueOf(e.getMessage()));
			}
		}
		if (removed) {
			log.info("Removed the disposed blob {}", key);
		}
		return removed;
	}

	/** Whether any root still holds a file under {@code key}. */
	public boolean anywhere(String key) {
		return Files.exists(inside(store.root(), key))
				|| store.secondRoot() != null && Files.exists(inside(store.secondRoot(), key));
	}

	private static Path inside(Path root, String key) {
		if (key == null || !FileSystemBlobStore.KEY.matcher(key).matches()) {
			throw new StorageException(HttpStatus.BAD_REQUEST, "error.blob-key", null, key);
		}
		Path base = root.toAbsolutePath().normalize();
		Path file = base.resolve(key).normalize();
		if (!file.startsWith(base) || file.getFileName().toString().startsWith(".")) {
			throw new StorageException(HttpStatus.BAD_REQUEST, "error.blob-key", null, key);
		}
		return file;
	}
}
