package org.custodia.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import org.custodia.TestMedia;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTests {

	static final Path MEDIA = TestMedia.FOLDER;

	static final LocalDate DAY = LocalDate.of(2026, 11, 23);

	@TempDir
	Path dataDir;

	private FileSystemBlobStore store(Path secondRoot, boolean sm3) {
		return new FileSystemBlobStore(new StorageProperties(null, secondRoot, sm3), new CustodiaProperties(dataDir, false),
				new MutableClock(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
	}

	@Test
	void storesARealRecordingBitExactReadOnlyUnderItsDayAndHash() throws IOException {
		Path original = MEDIA.resolve("sample_mpeg4.mp4");
		StoredBlob blob;
		try (InputStream in = Files.newInputStream(original)) {
			blob = store(null, false).put("zhanhe-health", DAY, "sample_mpeg4.MP4", in);
		}
		Path stored = dataDir.resolve("store").resolve(blob.key());
		assertThat(blob.key()).isEqualTo("zhanhe-health/2026/11/23/" + blob.sha256() + ".mp4");
		assertThat(Files.mismatch(original, stored)).isEqualTo(-1);
		assertThat(blob.size()).isEqualTo(Files.size(original));
		assertThat(blob.alreadyStored()).isFalse();
		assertThat(Files.getPosixFilePermissions(stored)).containsOnly(PosixFilePermission.OWNER_READ,
				PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
		assertThat(partsLeft()).isZero();
	}

	@Test
	void storesEmptyHevcAndNonAsciiNamedOriginalsBitExact() throws IOException {
		for (String name : java.util.List.of("foreman-hevc-384.mp4", "empty.mp3", "Olympus μ Digital 800.JPG")) {
			Path original = MEDIA.resolve(name);
			StoredBlob blob;
			try (InputStream in = new java.io.FileInputStream(original.toFile())) {
				blob = store(null, false).put("zhanhe-health", DAY, name, in);
			}
			assertThat(Files.mismatch(original, dataDir.resolve("store").resolve(blob.key()))).as(name).isEqualTo(-1);
			assertThat(blob.size()).isEqualTo(Files.size(original));
		}
	}

	@Test
	void theSameBytesAreRecognisedNotStoredTwice() {
		FileSystemBlobStore store = store(null, false);
		StoredBlob first = store.put("neiqiu-health", DAY, "a.wav", bytes("same bytes"));
		StoredBlob second = store.put("neiqiu-health", DAY, "b.wav", bytes("same bytes"));
		assertThat(second.key()).isEqualTo(first.key());
		assertThat(second.alreadyStored()).isTrue();
		assertThat(partsLeft()).isZero();
	}

	@Test
	void aBatchIsInTheStoreOnlyOnceCommitted() {
		FileSystemBlobStore store = store(null, false);
		try (BlobStore.Batch abandoned = store.batch()) {
			abandoned.stage("zhanhe-health", DAY, "1.mp4", bytes("one"));
			abandoned.stage("zhanhe-health", DAY, "2.mp4", bytes("two"));
		}
		assertThat(blobs()).isZero();
		assertThat(partsLeft()).isZero();
		try (BlobStore.Batch batch = store.batch()) {
			batch.stage("zhanhe-health", DAY, "1.mp4", bytes("one"));
			batch.stage("zhanhe-health", DAY.minusDays(1), "2.mp4", bytes("two"));
			assertThat(batch.commit()).extracting(StoredBlob::key)
				.allMatch(store::exists)
				.anyMatch(key -> key.startsWith("zhanhe-health/2026/11/22/"));
		}
		assertThat(blobs()).isEqualTo(2);
		assertThat(partsLeft()).isZero();
	}

	@Test
	void filesStagedFromSeveralThreadsAreCommittedEachAtThePositionItsStageReturned() throws Exception {
		FileSystemBlobStore store = store(null, false);
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
		try (BlobStore.Batch batch = store.batch()) {
			java.util.Map<Integer, String> contentAt = new java.util.concurrent.ConcurrentHashMap<>();
			java.util.List<java.util.concurrent.Future<?>> stages = new java.util.ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String content = "file " + i + " " + "x".repeat(i * 5000);
				stages.add(threads.submit(() -> contentAt.put(batch.stage("zhanhe-health", DAY, "f.mp4", bytes(content)), content)));
			}
			for (java.util.concurrent.Future<?> stage : stages) {
				stage.get();
			}
			java.util.List<StoredBlob> stored = batch.commit();
			assertThat(stored).hasSize(40);
			assertThat(contentAt).hasSize(40);
			for (int position = 0; position < stored.size(); position++) {
				assertThat(Files.readString(dataDir.resolve("store").resolve(stored.get(position).key())))
					.isEqualTo(contentAt.get(position));
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(partsLeft()).isZero();
	}

	@Test
	void aStartRemovesTheTemporaryFilesOfAKilledWriterAndKeepsThoseOfALiveOne() throws IOException {
		FileSystemBlobStore live = store(null, false);
		BlobStore.Batch writing = live.batch();
		writing.stage("kaifeng-audit", DAY, "live.mp4", bytes("still being written"));
		Path incoming = dataDir.resolve("store/kaifeng-audit/.incoming");
		// What a writer killed mid-copy leaves: its lock, which no process holds any more, and its temporary file.
		Path deadLock = Files.createDirectories(dataDir.resolve("store").resolve(Writers.DIRECTORY)).resolve("dead.lock");
		Files.createFile(deadLock);
		Files.writeString(incoming.resolve("dead_1.part"), "half a recording");
		Files.writeString(incoming.resolve("gone_2.part"), "its writer left no lock");
		assertThat(partsLeft()).isEqualTo(3);

		store(null, false);
		assertThat(partsLeft()).isOne();
		assertThat(Files.exists(deadLock)).isFalse();
		assertThat(writing.commit()).hasSize(1);
		writing.close();
		assertThat(partsLeft()).isZero();
	}

	@Test
	void readsByteRanges() throws IOException {
		FileSystemBlobStore store = store(null, false);
		StoredBlob blob = store.put("neiqiu-health", DAY, "x.txt", bytes("0123456789"));
		try (InputStream range = store.open(blob.key(), 3, 4)) {
			assertThat(new String(range.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("3456");
		}
		try (InputStream rest = store.open(blob.key(), 8, -1)) {
			assertThat(new String(rest.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("89");
		}
		assertThat(store.size(blob.key())).isEqualTo(10);
	}

	@Test
	void aDeviceUnpluggedMidCopyLeavesNothingHalfWritten() {
		InputStream unplugged = new InputStream() {
			private int sent;

			@Override
			public int read() throws IOException {
				if (sent++ < 3 * FileSystemBlobStore.BUFFER) {
					return 7;
				}
				throw new IOException("Input/output error");
			}
		};
		assertThatThrownBy(() -> store(null, false).put("kaifeng-audit", DAY, "cut.mp4", unplugged))
			.isInstanceOfSatisfying(StorageException.class,
					e -> assertThat(e.messageKey()).isEqualTo("error.source-unreadable"));
		assertThat(blobs()).isZero();
		assertThat(partsLeft()).isZero();
	}

	@Test
	void aFullDiskIsReportedAndLeavesNothing() {
		// /dev/full answers every write with ENOSPC, as a full disk does.
		FileSystemBlobStore store = store(null, false)
			.openingWith((path, direct) -> FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE));
		assertThatThrownBy(() -> store.put("kaifeng-audit", DAY, "big.mp4", bytes("x".repeat(100_000))))
			.isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.messageKey()).isEqualTo("error.storage-full"));
		assertThat(blobs()).isZero();
	}

	@Test
	void anOriginalLargerThanTheRoomLeftIsRefusedBeforeAByteIsWritten() throws IOException {
		try (BlobStore.Batch batch = store(null, false).batch()) {
			long room = Files.getFileStore(dataDir).getUsableSpace();
			batch.requireRoomFor(Math.min(room, 1 << 20));
			assertThatThrownBy(() -> batch.requireRoomFor(room + (1L << 30)))
				.isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.messageKey()).isEqualTo("error.storage-full"));
		}
		assertThat(partsLeft()).isZero();
	}

	@Test
	void aSecondRootReceivesAVerifiedCopy() throws IOException {
		Path second = dataDir.resolve("nas");
		StoredBlob blob = store(second, false).put("fengnan-medins", DAY, "yuan.amr", Files.newInputStream(MEDIA.resolve("yuan.amr")));
		assertThat(Files.mismatch(dataDir.resolve("store").resolve(blob.key()), second.resolve(blob.key()))).isEqualTo(-1);
		assertThat(Files.getPosixFilePermissions(second.resolve(blob.key()))).doesNotContain(PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void anUnusableSecondRootFailsThePutAndTheNextPutCompletesIt() throws IOException {
		Path second = dataDir.resolve("nas");
		Files.writeString(second, "not a directory");
		assertThatThrownBy(() -> store(second, false).put("fengnan-medins", DAY, "a.bin", bytes("payload")))
			.isInstanceOf(StorageException.class);
		Files.delete(second);
		StoredBlob again = store(second, false).put("fengnan-medins", DAY, "a.bin", bytes("payload"));
		assertThat(again.alreadyStored()).isTrue();
		assertThat(Files.exists(second.resolve(again.key()))).isTrue();
	}

	@Test
	void aSecondCopyThatReadsBackOtherwiseIsRefusedAndTheNextPutCompletesIt() throws IOException {
		Path second = dataDir.resolve("nas");
		// A second disk that gives back other bytes than it was given: here one stray byte past the end.
		FileSystemBlobStore lying = store(second, false).openingWith((path, direct) -> {
			FileChannel channel = FileSystemBlobStore.TEMPORARY.open(path, direct);
			if (path.startsWith(second)) {
				try (FileChannel stray = FileChannel.open(path, StandardOpenOption.WRITE)) {
					stray.write(java.nio.ByteBuffer.wrap(new byte[] { '!' }), 1 << 20);
				}
			}
			return channel;
		});
		assertThatThrownBy(() -> lying.put("fengnan-medins", DAY, "a.amr", Files.newInputStream(MEDIA.resolve("yuan.amr"))))
			.isInstanceOfSatisfying(StorageException.class,
					e -> assertThat(e.messageKey()).isEqualTo("error.second-copy-differs"));
		assertThat(partsLeft()).isZero();
		assertThat(filesUnder(second)).isZero();

		StoredBlob again = store(second, false).put("fengnan-medins", DAY, "a.amr",
				Files.newInputStream(MEDIA.resolve("yuan.amr")));
		assertThat(again.alreadyStored()).isTrue();
		assertThat(Files.mismatch(MEDIA.resolve("yuan.amr"), second.resolve(again.key()))).isEqualTo(-1);
	}

	@Test
	void anOriginalThatNoLongerMatchesItsHashIsNotCopiedToTheSecondRoot() throws IOException {
		StoredBlob blob = store(null, false).put("fengnan-medins", DAY, "a.bin", bytes("the original bytes"));
		Path stored = dataDir.resolve("store").resolve(blob.key());
		// The store's disk went bad under the original (same size, one byte other).
		Files.setPosixFilePermissions(stored, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
		Files.writeString(stored, "The original bytes");
		Path second = dataDir.resolve("nas");
		assertThatThrownBy(() -> store(second, false).put("fengnan-medins", DAY, "a.bin", bytes("the original bytes")))
			.isInstanceOfSatisfying(StorageException.class,
					e -> assertThat(e.messageKey()).isEqualTo("error.stored-copy-differs"));
		assertThat(filesUnder(second)).isZero();
		assertThat(partsLeft()).isZero();
	}

	@Test
	void contentsOfEveryLengthAroundTheBufferAndBlockSizesAreStoredBitExactInBothCopies() throws Exception {
		Path second = dataDir.resolve("nas");
		FileSystemBlobStore store = store(second, true);
		java.util.Random random = new java.util.Random(7);
		int buffer = FileSystemBlobStore.BUFFER;
		for (int length : new int[] { 1, 4095, 4096, 4097, buffer - 1, buffer, buffer + 1, 3 * buffer + 4096 + 5 }) {
			byte[] content = new byte[length];
			random.nextBytes(content);
			StoredBlob blob = store.put("zhanhe-health", DAY, "n" + length, new java.io.ByteArrayInputStream(content));
			assertThat(Files.readAllBytes(dataDir.resolve("store").resolve(blob.key()))).as("length %d", length)
				.isEqualTo(content);
			assertThat(Files.readAllBytes(second.resolve(blob.key()))).as("second copy, length %d", length)
				.isEqualTo(content);
			assertThat(blob.sha256()).isEqualTo(java.util.HexFormat.of()
				.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content)));
			org.bouncycastle.crypto.digests.SM3Digest sm3 = new org.bouncycastle.crypto.digests.SM3Digest();
			sm3.update(content, 0, length);
			byte[] sm3Hash = new byte[32];
			sm3.doFinal(sm3Hash, 0);
			assertThat(blob.sm3()).isEqualTo(java.util.HexFormat.of().formatHex(sm3Hash));
		}
		assertThat(partsLeft()).isZero();
	}

	@Test
	void computesSm3InTheSamePassWhenAsked() {
		StoredBlob blob = store(null, true).put("zhanhe-health", DAY, "abc", bytes("abc"));
		// GB/T 32905-2016, example 1.
		assertThat(blob.sm3()).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		assertThat(blob.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void refusesKeysThatLeaveTheStore() {
		FileSystemBlobStore store = store(null, false);
		assertThatThrownBy(() -> store.open("zhanhe-health/../../etc/passwd", 0, -1))
			.isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.messageKey()).isEqualTo("error.blob-key"));
		assertThatThrownBy(() -> store.put("../etc", DAY, "x", bytes("x")))
			.isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.messageKey()).isEqualTo("error.storage-agency"));
		assertThatThrownBy(() -> store.open("zhanhe-health/2026/11/23/" + "0".repeat(64) + ".mp4", 0, -1))
			.isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.messageKey()).isEqualTo("error.blob-missing"));
		assertThat(StoreFiles.extension("../../evil.sh/..")).isEqualTo("bin");
		assertThat(StoreFiles.extension("C:\\DCIM\\100_0306.AVI")).isEqualTo("avi");
	}

	private long partsLeft() {
		return count(".part");
	}

	/** Stored files under a root, the bookkeeping of writers aside. */
	private static long filesUnder(Path root) throws IOException {
		if (!Files.exists(root)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.filter(path -> !path.getParent().getFileName().toString().equals(Writers.DIRECTORY))
				.count();
		}
	}

	private long blobs() {
		try (Stream<Path> files = Files.walk(dataDir)) {
			return files.filter(Files::isRegularFile)
				.filter(path -> !path.toString().endsWith(".part"))
				.filter(path -> !path.getParent().getFileName().toString().equals(Writers.DIRECTORY))
				.count();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private long count(String suffix) {
		try (Stream<Path> files = Files.walk(dataDir)) {
			return files.filter(path -> path.toString().endsWith(suffix)).count();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static InputStream bytes(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}
}
