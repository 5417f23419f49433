package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.ingest.ImportFixtures.AGENCY;
import static org.custodia.ingest.ImportFixtures.CUSTODIAN;
import static org.custodia.ingest.ImportFixtures.MEDIA;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.custodia.device.DeviceRegister;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.CustodiaProperties;
import org.custodia.shared.TestDatabases;
import org.custodia.storage.BlobStore;
import org.custodia.storage.FullDisks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A device unplugged mid-copy, a file cut or still growing, a full disk: the file that could not be
 * copied fails with the reason, the others are stored, nothing half-written stays, and the next import
 * completes what was left without storing anything twice.
 */
@CustodiaIntegrationTest
class ImportFaultTests {

	@Autowired
	RecordingImports imports;

	@Autowired
	RecordingRegister recordings;

	@Autowired
	DeviceRegister register;

	@Autowired
	BlobStore store;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustodiaProperties custodia;

	@AfterEach
	void replugTheDevice() {
		imports.openingSourcesWith(DeviceFile::open);
	}

	@Test
	void aDeviceUnpluggedMidCopyFailsThatFileStoresTheOthersAndTheNextImportCopiesOnlyTheRest() throws Exception {
		String device = ImportFixtures.newDevice(register);
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		byte[] cut = ImportFixtures.unique(3 << 20);
		ImportFixtures.write(folder.resolve("A.MP4"), ImportFixtures.unique(100_000));
		ImportFixtures.write(folder.resolve("B.MP4"), cut);
		ImportFixtures.write(folder.resolve("C.AMR"), ImportFixtures.unique(60_000));
		ImportFixtures.write(folder.resolve("100MEDIA/D.MP4"), ImportFixtures.unique(200_000));
		// The device answers 1.5 MB of B, then an I/O error, as a pulled cable gives.
		imports.openingSourcesWith(path -> path.endsWith("B.MP4") ? UnpluggedDevices.after(path, 3 << 19)
				: DeviceFile.open(path));

		Map<String, RecordingImports.Outcome> first = byFile(importFolder(device, folder));
		assertThat(first).hasSize(4);
		assertThat(first.get("B.MP4").result()).isEqualTo(ImportResult.FAILED);
		assertThat(first.get("B.MP4").problem()).isEqualTo("error.source-interrupted");
		assertThat(first.get("A.MP4").result()).isEqualTo(ImportResult.STORED);
		assertThat(first.get("C.AMR").result()).isEqualTo(ImportResult.STORED);
		assertThat(first.get("100MEDIA/D.MP4").result()).isEqualTo(ImportResult.STORED);
		assertNothingOf(sha256(cut));

		// The device plugged in again: only B is read; the others are known by path, size and time.
		java.util.Set<String> opened = java.util.concurrent.ConcurrentHashMap.newKeySet();
		imports.openingSourcesWith(path -> {
			opened.add(folder.relativize(path).toString());
			return DeviceFile.open(path);
		});
		Map<String, RecordingImports.Outcome> again = byFile(importFolder(device, folder));
		assertThat(opened).containsExactly("B.MP4");
		assertThat(again.get("B.MP4").result()).isEqualTo(ImportResult.STORED);
		for (String file : List.of("A.MP4", "C.AMR", "100MEDIA/D.MP4")) {
			assertThat(again.get(file).result()).as(file).isEqualTo(ImportResult.ALREADY_IMPORTED);
			assertThat(again.get(file).recordingId()).as(file).isEqualTo(first.get(file).recordingId());
			assertStoredOnce(again.get(file), Files.readAllBytes(folder.resolve(file)));
			assertThat(ledgerEntries(again.get(file))).as(file).isOne();
		}
		assertStoredOnce(again.get("B.MP4"), cut);
		assertThat(ledgerEntries(again.get("B.MP4"))).isOne();
		assertThat(ImportFixtures.parts(store())).isEmpty();

		// A file changed in place (same name, other bytes and time) is read again, and stored.
		byte[] rewritten = ImportFixtures.unique(100_001);
		ImportFixtures.write(folder.resolve("A.MP4"), rewritten);
		Map<String, RecordingImports.Outcome> third = byFile(importFolder(device, folder));
		assertThat(third.get("A.MP4").result()).isEqualTo(ImportResult.STORED);
		assertStoredOnce(third.get("A.MP4"), rewritten);
		assertThat(third.get("B.MP4").result()).isEqualTo(ImportResult.ALREADY_IMPORTED);
	}

	private long ledgerEntries(RecordingImports.Outcome outcome) {
		return jdbc.sql("select count(*) from ledger_entry where action = 'recording.ingested' and subject_id = :id")
			.param("id", outcome.recordingId().toString())
			.query(Long.class)
			.single();
	}

	@Test
	void aFileCutShortGrowingOrGoneWhileCopiedFailsAndLeavesNothing() throws Exception {
		String device = ImportFixtures.newDevice(register);
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		byte[] shrinking = ImportFixtures.unique(2 << 20);
		byte[] growing = ImportFixtures.unique(300_000);
		byte[] vanishing = ImportFixtures.unique(10_000);
		ImportFixtures.write(folder.resolve("shrinking.mp4"), shrinking);
		ImportFixtures.write(folder.resolve("growing.mp4"), growing);
		ImportFixtures.write(folder.resolve("vanishing.mp4"), vanishing);
		ImportFixtures.write(folder.resolve("steady.mp4"), ImportFixtures.unique(50_000));
		// Real changes to the files between the listing and the copy, as a device's card gives way or a camera keeps recording.
		imports.openingSourcesWith(path -> {
			String name = path.getFileName().toString();
			if (name.equals("vanishing.mp4")) {
				Files.delete(path);
			}
			DeviceFile in = DeviceFile.open(path);
			if (name.equals("shrinking.mp4")) {
				try (var channel = java.nio.channels.FileChannel.open(path, StandardOpenOption.WRITE)) {
					channel.truncate(1 << 20);
				}
			}
			if (name.equals("growing.mp4")) {
				Files.write(path, new byte[4096], StandardOpenOption.APPEND);
			}
			return in;
		});

		Map<String, RecordingImports.Outcome> outcomes = byFile(importFolder(device, folder));
		assertThat(outcomes.get("shrinking.mp4").problem()).isEqualTo("error.source-changed");
		assertThat(outcomes.get("growing.mp4").problem()).isEqualTo("error.source-changed");
		assertThat(outcomes.get("vanishing.mp4").problem()).isEqualTo("error.source-unopenable");
		assertThat(outcomes.values()).filteredOn(outcome -> outcome.result() == ImportResult.FAILED).hasSize(3);
		assertThat(outcomes.get("steady.mp4").result()).isEqualTo(ImportResult.STORED);
		assertNothingOf(sha256(shrinking));
		assertNothingOf(sha256(java.util.Arrays.copyOf(shrinking, 1 << 20)));
		assertNothingOf(sha256(growing));
		assertNothingOf(sha256(vanishing));
	}

	@Test
	void aFullDiskFailsEveryFileWithWhatToDoAndChangesNothing() throws Exception {
		String device = ImportFixtures.newDevice(register);
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		ImportFixtures.write(folder.resolve("A.MP4"), ImportFixtures.unique(200_000));
		ImportFixtures.write(folder.resolve("B.MP4"), ImportFixtures.unique(3 << 20));
		List<Path> blobsBefore = ImportFixtures.blobs(store());
		long rowsBefore = ImportFixtures.count(jdbc, "recording_recording");
		long ledgerBefore = ImportFixtures.count(jdbc, "ledger_entry");

		List<RecordingImports.Outcome> outcomes;
		try (AutoCloseable full = FullDisks.fill(store)) {
			outcomes = importFolder(device, folder);
		}
		assertThat(outcomes).hasSize(2).allSatisfy(outcome -> {
			assertThat(outcome.result()).isEqualTo(ImportResult.FAILED);
			assertThat(outcome.problem()).isEqualTo("error.storage-full");
		});
		assertThat(ImportFixtures.blobs(store())).containsExactlyInAnyOrderElementsOf(blobsBefore);
		assertThat(ImportFixtures.parts(store())).isEmpty();
		assertThat(ImportFixtures.count(jdbc, "recording_recording")).isEqualTo(rowsBefore);
		assertThat(ImportFixtures.count(jdbc, "ledger_entry")).isEqualTo(ledgerBefore);

		assertThat(importFolder(device, folder)).extracting(RecordingImports.Outcome::result).containsOnly(ImportResult.STORED);
	}

	@Test
	void corruptTruncatedEmptyAndNonMediaFilesAreStoredBitExactAndFlagged() throws Exception {
		String device = ImportFixtures.newDevice(register);
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		// a sound header over media that is noise (made unique by more noise inside its mdat): FFmpeg opens it
		// and cannot decode it. A file whose header alone is noise is no longer a test of this: FFmpeg finds
		// the raw MPEG-4 stream behind it and decodes that.
		byte[] corrupt = Files.readAllBytes(MEDIA.resolve("formats/noise-in-mdat.mp4"));
		System.arraycopy(ImportFixtures.unique(64), 0, corrupt, 1_000, 64);
		ImportFixtures.write(folder.resolve("corrupt.mp4"), corrupt);
		Files.copy(MEDIA.resolve("truncated.mp4"), folder.resolve("truncated.mp4"));
		Files.copy(MEDIA.resolve("ArithmeticException.Mp3Reader.extract.mp3"), folder.resolve("broken.mp3"));
		ImportFixtures.write(folder.resolve("zero.mp4"), new byte[0]);
		ImportFixtures.write(folder.resolve("notes.txt"), ("log " + System.nanoTime()).getBytes());

		Map<String, RecordingImports.Outcome> outcomes = byFile(importFolder(device, folder));
		assertThat(outcomes).hasSize(5);
		assertThat(outcomes.values()).extracting(RecordingImports.Outcome::result).isSubsetOf(ImportResult.STORED, ImportResult.DUPLICATE);
		assertThat(outcomes.get("corrupt.mp4").problem()).isEqualTo("corrupt");
		assertThat(outcomes.get("notes.txt").problem()).isEqualTo("not-media");
		for (var outcome : outcomes.values()) {
			assertStoredOnce(outcome, Files.readAllBytes(folder.resolve(outcome.file())));
		}
		Recording zero = recordings.find(outcomes.get("zero.mp4").recordingId()).orElseThrow();
		assertThat(zero.size()).isZero();
		assertThat(zero.readable()).isFalse();
	}

	@Test
	void aFolderSwappedForALinkAfterTheListingIsNotFollowed() throws Exception {
		String device = ImportFixtures.newDevice(register);
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		ImportFixtures.write(folder.resolve("100MEDIA/A.MP4"), ImportFixtures.unique(10_000));
		Path elsewhere = TestDatabases.newDataDirectory();
		byte[] secret = ImportFixtures.unique(10_000);
		ImportFixtures.write(elsewhere.resolve("A.MP4"), secret);
		// Between the listing and the copy, someone who may write to the card puts a link where the folder was.
		ImportProgress swapping = new ImportProgress() {
			@Override
			public void started(int files, long bytes) {
				try {
					Files.move(folder.resolve("100MEDIA"), folder.resolve("100MEDIA-moved"));
					Files.createSymbolicLink(folder.resolve("100MEDIA"), elsewhere);
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}
		};

		List<RecordingImports.Outcome> outcomes = imports.importFolder(CUSTODIAN, AGENCY, device, null, folder, swapping);
		assertThat(outcomes).singleElement().satisfies(outcome -> {
			assertThat(outcome.result()).isEqualTo(ImportResult.FAILED);
			assertThat(outcome.problem()).isEqualTo("error.source-unopenable");
		});
		assertNothingOf(sha256(secret));
	}

	private List<RecordingImports.Outcome> importFolder(String device, Path folder) {
		return imports.importFolder(CUSTODIAN, AGENCY, device, null, folder);
	}

	private Path store() {
		return custodia.dataDir().resolve("store");
	}

	/** Neither a blob, nor a temporary file, nor a row holds these bytes. */
	private void assertNothingOf(String sha256) {
		assertThat(ImportFixtures.blobs(store())).noneMatch(blob -> blob.getFileName().toString().startsWith(sha256));
		assertThat(ImportFixtures.parts(store())).isEmpty();
		assertThat(ImportFixtures.rows(jdbc, sha256)).isZero();
	}

	/** One row, its blob in the store, byte for byte the original. */
	void assertStoredOnce(RecordingImports.Outcome outcome, byte[] original) throws Exception {
		assertThat(outcome.sha256()).isEqualTo(sha256(original));
		assertThat(ImportFixtures.rows(jdbc, outcome.sha256())).isOne();
		Recording recording = recordings.find(outcome.recordingId()).orElseThrow();
		try (InputStream stored = store.open(recording.blobKey(), 0, -1)) {
			assertThat(stored.readAllBytes()).isEqualTo(original);
		}
	}

	static Map<String, RecordingImports.Outcome> byFile(List<RecordingImports.Outcome> outcomes) {
		return outcomes.stream().collect(Collectors.toMap(RecordingImports.Outcome::file, Function.identity()));
	}

	static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}
}
