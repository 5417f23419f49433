package org.custodia.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.custodia.TestMedia;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.MutableClock;
import org.custodia.storage.StoredCopies.Outcome;
import org.custodia.storage.StoredCopies.Place;
import org.custodia.storage.StoredCopies.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copies of real originals, damaged on disk, checked and repaired. */
class FileCopiesTests {

	@TempDir
	Path dataDir;

	@TempDir
	Path second;

	private FileSystemBlobStore store;

	private FileCopies copies(boolean withSecond) {
		store = new FileSystemBlobStore(new StorageProperties(null, withSecond ? second : null, false),
				new CustodiaProperties(dataDir, false),
				new MutableClock(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
		return new FileCopies(store, Duration.ofMillis(1));
	}

	private StoredBlob put(String name) throws IOException {
		try (InputStream in = Files.newInputStream(TestMedia.FOLDER.resolve(name))) {
			return store.put("zhanhe-health", LocalDate.of(2026, 11, 23), name, in);
		}
	}

	private Path primary(StoredBlob blob) {
		return dataDir.resolve("store").resolve(blob.key());
	}

	static void flipByte(Path file, long at) throws IOException {
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
		byte[] bytes = Files.readAllBytes(file);
		bytes[(int) at] ^= 0x01;
		Files.write(file, bytes);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
	}

	@Test
	void goodCopiesAreGoodAndARepairTouchesNothing() throws IOException {
		FileCopies copies = copies(true);
		StoredBlob blob = put("sample_mpeg4.mp4");
		Files.setLastModifiedTime(primary(blob), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
		StoredCopies.CopyCheck check = copies.check(blob.key(), store.sm3(blob.key()));
		assertThat(check.allGood()).isTrue();
		assertThat(check.primary().sm3()).isEqualTo(store.sm3(blob.key()));
		StoredCopies.CopyCheck wrongSm3 = copies.check(blob.key(), "0".repeat(64));
		assertThat(wrongSm3.copies()).extracting(StoredCopies.Copy::state).containsOnly(State.DIFFERS);
		assertThat(wrongSm3.primary().sha256()).isEqualTo(blob.sha256());
		assertThat(check.copies()).extracting(StoredCopies.Copy::place).containsExactly(Place.PRIMARY, Place.SECOND);
		assertThat(check.primary().size()).isEqualTo(blob.size());
		StoredCopies.RepairResult repair = copies.repair(blob.key());
		assertThat(repair.outcome()).isEqualTo(Outcome.NOTHING_TO_REPAIR);
		assertThat(Files.getLastModifiedTime(primary(blob))).isEqualTo(FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
	}

	@Test
	void aFlippedByteInThePrimaryIsFoundAndRepairedFromTheSecond() throws IOException {
		FileCopies copies = copies(true);
		StoredBlob blob = put("sample_mpeg4.mp4");
		flipByte(primary(blob), 1000);
		StoredCopies.CopyCheck check = copies.check(blob.key(), null);
		assertThat(check.primary().state()).isEqualTo(State.DIFFERS);
		assertThat(check.primary().sha256()).isNotEqualTo(blob.sha256());
		assertThat(check.second().orElseThrow().state()).isEqualTo(State.GOOD);
		StoredCopies.RepairResult repair = copies.repair(blob.key());
		assertThat(repair.outcome()).isEqualTo(Outcome.REPAIRED);
		assertThat(repair.repaired()).containsExactly(Place.PRIMARY);
		assertThat(Files.mismatch(primary(blob), TestMedia.FOLDER.resolve("sample_mpeg4.mp4"))).isEqualTo(-1);
		assertThat(Files.getPosixFilePermissions(primary(blob))).containsOnly(PosixFilePermission.OWNER_READ,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		assertThat(copies.check(blob.key(), null).allGood()).isTrue();
	}

	@Test
	void aMissingSecondCopyIsRepairedFromThePrimaryAndBothBadChangeNothing() throws IOException {
		FileCopies copies = copies(true);
		StoredBlob blob = put("sample_mpeg4.mp4");
		Files.delete(second.resolve(blob.key()));
		assertThat(copies.check(blob.key(), null).second().orElseThrow().state()).isEqualTo(State.MISSING);
		assertThat(copies.repair(blob.key()).repaired()).containsExactly(Place.SECOND);
		assertThat(Files.mismatch(second.resolve(blob.key()), primary(blob))).isEqualTo(-1);

		flipByte(primary(blob), 10);
		Files.setPosixFilePermissions(second.resolve(blob.key()), PosixFilePermissions.fromString("rw-r--r--"));
		Files.write(second.resolve(blob.key()), new byte[] { 1, 2, 3 });
		byte[] primaryBefore = Files.readAllBytes(primary(blob));
		StoredCopies.RepairResult repair = copies.repair(blob.key());
		assertThat(repair.outcome()).isEqualTo(Outcome.NO_GOOD_COPY);
		assertThat(repair.before().second().orElseThrow().size()).isEqualTo(3);
		assertThat(Files.readAllBytes(primary(blob))).isEqualTo(primaryBefore);
		assertThat(Files.size(second.resolve(blob.key()))).isEqualTo(3);
	}

	@Test
	void anUnreadableCopyIsSaidSoAndAFullDiskFailsTheRepairWithoutHarm() throws IOException {
		FileCopies copies = copies(true);
		StoredBlob blob = put("sample_mpeg4.mp4");
		Path file = second.resolve(blob.key());
		Files.delete(file);
		// root reads a file of mode 000, so an unreadable copy is a directory where the file was
		Files.createDirectories(file.resolve("x"));
		assertThat(copies.check(blob.key(), null).second().orElseThrow().state()).isEqualTo(State.UNREADABLE);
		Files.delete(file.resolve("x"));
		Files.delete(file);
		store.openingWith((path, direct) -> java.nio.channels.FileChannel.open(Path.of("/dev/full"),
				java.nio.file.StandardOpenOption.WRITE));
		StoredCopies.RepairResult repair = copies.repair(blob.key());
		assertThat(repair.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(repair.problemKey()).isEqualTo("error.storage-full");
		assertThat(Files.exists(file)).isFalse();
		store.openingWith(FileSystemBlobStore.TEMPORARY);
		assertThat(copies.repair(blob.key()).outcome()).isEqualTo(Outcome.REPAIRED);
	}

	@Test
	void withoutASecondRootThereIsOneCopyAndEveryStoredKeyIsListed() throws IOException {
		FileCopies copies = copies(false);
		StoredBlob one = put("sample_mpeg4.mp4");
		StoredBlob two = put("empty.mp3");
		assertThat(copies.hasSecondCopy()).isFalse();
		assertThat(copies.check(one.key(), null).copies()).hasSize(1);
		List<String> keys = new ArrayList<>();
		copies.forEachStoredKey(keys::add);
		assertThat(keys).containsExactlyInAnyOrder(one.key(), two.key());
		Files.delete(primary(two));
		assertThat(copies.repair(two.key()).outcome()).isEqualTo(Outcome.NO_GOOD_COPY);
	}

	@Test
	void readsGiveWayWhileABatchIsOpen() {
		FileCopies copies = copies(false);
		assertThat(copies.writing()).isFalse();
		try (BlobStore.Batch batch = store.batch()) {
			assertThat(copies.writing()).isTrue();
		}
		assertThat(copies.writing()).isFalse();
	}
}
