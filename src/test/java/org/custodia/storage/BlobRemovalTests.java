package org.custodia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one path that removes a blob removes only what its warrant confirms, from both roots; every other path of the
 * store that could remove or overwrite a blob leaves it as it was.
 */
class BlobRemovalTests {

	static final LocalDate DAY = LocalDate.of(2026, 11, 23);

	@TempDir
	Path dataDir;

	@TempDir
	Path secondRoot;

	private FileSystemBlobStore store() {
		return new FileSystemBlobStore(new StorageProperties(null, secondRoot, false), new CustodiaProperties(dataDir, false),
				new MutableClock(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
	}

	@Test
	void aConfirmedKeyIsRemovedFromBothRootsAndAskedAboutThatKeyOnly() throws IOException {
		FileSystemBlobStore store = store();
		StoredBlob kept = store.put("fengnan-medins", DAY, "a.mp4", bytes("kept"));
		StoredBlob disposed = store.put("fengnan-medins", DAY, "b.mp4", bytes("disposed"));
		List<String> asked = new ArrayList<>();
		BlobRemoval removal = new BlobRemoval(store);

		assertThat(removal.remove(disposed.key(), key -> asked.add(key) && key.equals(disposed.key()))).isTrue();
		assertThat(asked).containsExactly(disposed.key());
		assertThat(dataDir.resolve("store").resolve(disposed.key())).doesNotExist();
		assertThat(secondRoot.resolve(disposed.key())).doesNotExist();
		assertThat(removal.anywhere(disposed.key())).isFalse();
		assertThat(dataDir.resolve("store").resolve(kept.key())).exists();
		assertThat(secondRoot.resolve(kept.key())).exists();
		// removing again (recovery after a crash) finds nothing and changes nothing
		assertThat(removal.remove(disposed.key(), key -> true)).isFalse();
	}

	@Test
	void refusesWithoutAWarrantOrAKeyThatLeavesTheStore() throws IOException {
		FileSystemBlobStore store = store();
		StoredBlob blob = store.put("fengnan-medins", DAY, "a.mp4", bytes("still kept"));
		BlobRemoval removal = new BlobRemoval(store);
		assertThatThrownBy(() -> removal.remove(blob.key(), key -> false)).isInstanceOfSatisfying(StorageException.class,
				e -> assertThat(e.messageKey()).isEqualTo("error.blob-removal-refused"));
		assertThatThrownBy(() -> removal.remove(blob.key(), null)).isInstanceOf(StorageException.class);
		assertThatThrownBy(() -> removal.remove(blob.key(), key -> {
			throw new IllegalStateException("the database cannot be read");
		})).isInstanceOf(IllegalStateException.class);
		for (String bad : List.of("../" + blob.key(), "fengnan-medins/../../" + blob.key(), "fengnan-medins/2026/11/23/../../../../x",
				"/etc/passwd", "fengnan-medins/.incoming/x.part", "")) {
			assertThatThrownBy(() -> removal.remove(bad, key -> true)).as(bad)
				.isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.messageKey()).isEqualTo("error.blob-key"));
		}
		assertThat(Files.readString(dataDir.resolve("store").resolve(blob.key()))).isEqualTo("still kept");
		assertThat(Files.readString(secondRoot.resolve(blob.key()))).isEqualTo("still kept");
	}

	@Test
	void aPutOfTheSameKeyKeepsTheStoredFileAndADifferentSizeUnderItIsAConflictNotAnOverwrite() throws IOException {
		FileSystemBlobStore store = store();
		StoredBlob first = store.put("zhanhe-health", DAY, "a.mp4", bytes("the original"));
		Path stored = dataDir.resolve("store").resolve(first.key());
		FileTime written = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
		Files.setLastModifiedTime(stored, written);
		Object inode = Files.readAttributes(stored, "unix:ino").get("ino");

		assertThat(store.put("zhanhe-health", DAY, "again.mp4", bytes("the original")).alreadyStored()).isTrue();
		assertThat(Files.getLastModifiedTime(stored)).isEqualTo(written);
		assertThat(Files.readAttributes(stored, "unix:ino").get("ino")).isEqualTo(inode);

		// a file of other bytes that would land on that name is refused, never written over it
		Path temp = Files.writeString(dataDir.resolve("other.part"), "other bytes, longer than the original");
		assertThatThrownBy(() -> StoreFiles.place(temp, stored, Files.size(temp))).isInstanceOfSatisfying(StorageException.class,
				e -> assertThat(e.messageKey()).isEqualTo("error.store-conflict"));
		assertThat(Files.readString(stored)).isEqualTo("the original");
		assertThat(Files.readAttributes(stored, "unix:ino").get("ino")).isEqualTo(inode);
	}

	@Test
	void anAbandonedBatchRemovesOnlyItsOwnTemporariesEvenWhenItStagedBytesTheStoreHolds() throws IOException {
		FileSystemBlobStore store = store();
		StoredBlob held = store.put("zhanhe-health", DAY, "a.mp4", bytes("held already"));
		Path incoming = dataDir.resolve("store/zhanhe-health/.incoming");
		Path someoneElses = Files.writeString(incoming.resolve("other-writer_1.part"), "another import's copy");
		try (BlobStore.Batch abandoned = store.batch()) {
			abandoned.stage("zhanhe-health", DAY, "a.mp4", bytes("held already"));
			abandoned.stage("zhanhe-health", DAY, "b.mp4", bytes("new"));
		}
		assertThat(Files.readString(dataDir.resolve("store").resolve(held.key()))).isEqualTo("held already");
		assertThat(Files.readString(secondRoot.resolve(held.key()))).isEqualTo("held already");
		assertThat(someoneElses).exists();
	}

	@Test
	void theStaleTemporaryCleanupRemovesOnlyPartFilesInTheIncomingDirectory() throws IOException {
		FileSystemBlobStore store = store();
		StoredBlob blob = store.put("zhanhe-health", DAY, "a.mp4", bytes("an original"));
		Path day = dataDir.resolve("store").resolve(blob.key()).getParent();
		Path partInDay = Files.writeString(day.resolve("looks-like_1.part"), "not in .incoming");
		Path incoming = dataDir.resolve("store/zhanhe-health/.incoming");
		Path notPart = Files.writeString(incoming.resolve("left.mp4"), "not a temporary name");
		Path stale = Files.writeString(incoming.resolve("dead_1.part"), "a killed writer's");
		Files.setLastModifiedTime(stale, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		for (Path file : List.of(partInDay, notPart)) {
			Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		}

		StoreFiles.removeStaleParts(dataDir.resolve("store"), Instant.parse("2026-11-23T08:00:00Z"));
		assertThat(stale).doesNotExist();
		assertThat(partInDay).exists();
		assertThat(notPart).exists();
		assertThat(Files.readString(dataDir.resolve("store").resolve(blob.key()))).isEqualTo("an original");
	}

	private static ByteArrayInputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
