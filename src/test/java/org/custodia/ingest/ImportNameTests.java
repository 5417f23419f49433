package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodia.ingest.ImportFixtures.AGENCY;
import static org.custodia.ingest.ImportFixtures.CUSTODIAN;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.custodia.device.DeviceRegister;
import org.custodia.recording.Recording;
import org.custodia.recording.RecordingRegister;
import org.custodia.shared.CustodiaIntegrationTest;
import org.custodia.shared.TestDatabases;
import org.custodia.storage.BlobStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A name is a label, the bytes are the evidence: names with {@code ..}, bytes that are no UTF-8,
 * control characters or 300 characters are stored bit-exact under the store's own key and shown as read.
 */
@CustodiaIntegrationTest
class ImportNameTests {

	static final String KEY = "^" + ImportFixtures.AGENCY + "/\\d{4}/\\d{2}/\\d{2}/[0-9a-f]{64}\\.[a-z0-9]{1,8}$";

	@Autowired
	RecordingImports imports;

	@Autowired
	RecordingRegister recordings;

	@Autowired
	DeviceRegister register;

	@Autowired
	BlobStore store;

	@Test
	void hostileNamesOnTheDeviceAreStoredUnderTheStoresOwnKeyAndShownAsRead() throws Exception {
		String device = ImportFixtures.newDevice(register);
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		// 250 bytes each, within Linux's 255 per name; 301 characters together.
		String longDirectory = "目".repeat(50) + "d".repeat(100);
		String longFile = "录".repeat(50) + "f".repeat(96) + ".MP4";
		List<String> names = List.of("a..b.mp4", "VID..MP4", ".hidden.mp4", "x.mp4..", "..\\..\\windows.MP4", "line\nbreak.mp4",
				"weird.ext with space", "clip.verylongextension", "tab\t.AVI", longDirectory + "/" + longFile);
		Map<String, byte[]> originals = new HashMap<>();
		for (String name : names) {
			originals.put(name, Files.readAllBytes(ImportFixtures.write(folder.resolve(name), ImportFixtures.unique(5_000))));
		}
		assertThat((longDirectory + "/" + longFile).length()).isEqualTo(301);
		// A name that is no UTF-8, as a camera with a legacy code page writes it; Java cannot spell it.
		Process touch = new ProcessBuilder("sh", "-c", "head -c 7000 /dev/urandom > \"$(printf '\\377\\376_legacy.mp4')\"")
			.directory(folder.toFile())
			.start();
		assertThat(touch.waitFor()).isZero();
		ImportFixtures.write(folder.resolve("._VID.MP4"), new byte[] { 0, 5, 22, 7 });
		Path legacy = listed(folder, "_legacy.mp4");
		byte[] legacyBytes = Files.readAllBytes(legacy);

		Map<String, RecordingImports.Outcome> outcomes = ImportFaultTests
			.byFile(imports.importFolder(CUSTODIAN, AGENCY, device, null, folder));
		assertThat(outcomes).hasSize(names.size() + 1).doesNotContainKey("._VID.MP4");
		for (String name : names) {
			RecordingImports.Outcome outcome = outcomes.get(name);
			assertThat(outcome).as(name).isNotNull();
			assertThat(outcome.result()).as(name).isEqualTo(ImportResult.STORED);
			Recording recording = recordings.find(outcome.recordingId()).orElseThrow();
			assertThat(recording.originalName()).isEqualTo(name);
			assertBitExactUnderItsOwnKey(recording, originals.get(name));
		}
		assertThat(key(outcomes.get("..\\..\\windows.MP4"))).endsWith(".mp4");
		assertThat(key(outcomes.get("x.mp4.."))).endsWith(".bin");
		assertThat(key(outcomes.get("clip.verylongextension"))).endsWith(".bin");
		assertThat(key(outcomes.get("weird.ext with space"))).endsWith(".bin");

		RecordingImports.Outcome legacyOutcome = outcomes.values().stream()
			.filter(outcome -> outcome.file().endsWith("_legacy.mp4"))
			.findFirst()
			.orElseThrow();
		assertThat(legacyOutcome.result()).isEqualTo(ImportResult.STORED);
		Recording legacyRecording = recordings.find(legacyOutcome.recordingId()).orElseThrow();
		assertBitExactUnderItsOwnKey(legacyRecording, legacyBytes);
		assertThat(legacyRecording.originalName()).hasSize("_legacy.mp4".length() + 2).doesNotContain("/");
	}

	@Test
	void namesGivenWithTheFilesAreLabelsNeverPaths() throws Exception {
		String device = ImportFixtures.newDevice(register);
		Path folder = TestDatabases.newDataDirectory();
		List<SourceFile> files = new ArrayList<>();
		files.add(new SourceFile(ImportFixtures.write(folder.resolve("upload-1"), ImportFixtures.unique(4_000)),
				"../../../etc/passwd.mp4"));
		files.add(new SourceFile(ImportFixtures.write(folder.resolve("upload-2.mp4"), ImportFixtures.unique(4_000)),
				"长".repeat(300) + ".mp4"));
		files.add(new SourceFile(ImportFixtures.write(folder.resolve("upload-3.MOV"), ImportFixtures.unique(4_000)),
				"x".repeat(1500)));

		List<RecordingImports.Outcome> outcomes = imports.importFiles(CUSTODIAN, AGENCY, device, null, files,
				ImportProgress.NONE);
		assertThat(outcomes).extracting(RecordingImports.Outcome::result).containsExactly(ImportResult.STORED, ImportResult.STORED, ImportResult.STORED);
		for (int i = 0; i < files.size(); i++) {
			Recording recording = recordings.find(outcomes.get(i).recordingId()).orElseThrow();
			assertBitExactUnderItsOwnKey(recording, Files.readAllBytes(files.get(i).path()));
			assertThat(recording.originalName()).isEqualTo(files.get(i).name());
		}
		assertThat(recordings.find(outcomes.get(0).recordingId()).orElseThrow().originalName())
			.isEqualTo("../../../etc/passwd.mp4");
		assertThat(recordings.find(outcomes.get(1).recordingId()).orElseThrow().originalName()).hasSize(304);
		assertThat(recordings.find(outcomes.get(2).recordingId()).orElseThrow().originalName()).hasSize(SourceFile.MAX_NAME);
		assertThat(key(outcomes.get(2))).endsWith(".mov");
	}

	private void assertBitExactUnderItsOwnKey(Recording recording, byte[] original) throws Exception {
		assertThat(recording.blobKey()).matches(KEY).contains(recording.sha256());
		try (InputStream stored = store.open(recording.blobKey(), 0, -1)) {
			assertThat(stored.readAllBytes()).isEqualTo(original);
		}
		assertThat(recording.sha256()).isEqualTo(ImportFaultTests.sha256(original));
	}

	private String key(RecordingImports.Outcome outcome) {
		return recordings.find(outcome.recordingId()).orElseThrow().blobKey();
	}

	/** The one file in the folder whose name ends so, as the directory listing gives it, raw bytes and all. */
	private static Path listed(Path folder, String suffix) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(path -> path.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
		}
	}
}
