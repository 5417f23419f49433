package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.custodia.recording.NameFacts;
import org.custodia.shared.CustodiaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileNamesTests {

	@TempDir
	Path dataDir;

	@Test
	void eachModelsPatternFindsDeviceTimeAndTheImportantMark() {
		FileNames names = new FileNames(new CustodiaProperties(dataDir, false));
		assertThat(names.read("DS-MH2311", "00001_20261123090000_0001_IMP.MP4"))
			.isEqualTo(new NameFacts("00001", LocalDateTime.parse("2026-11-23T09:00:00"), true, "Hikvision"));
		assertThat(names.read("DSJ-V9", "DSJ001@20261123-090000@I.mp4"))
			.isEqualTo(new NameFacts("DSJ001", LocalDateTime.parse("2026-11-23T09:00:00"), true, "Dahua"));
		assertThat(names.read("DSJ-V9", "DSJ001@20261123-090000.mp4").important()).isFalse();
	}

	@Test
	void aSchemeThatIsOneMakersNamesThatMakerAndOnlyThen() throws Exception {
		Files.writeString(dataDir.resolve("file-names.yaml"), """
				models:
				  DSJ-Y6:
				    - pattern: 'YS(?<device>\\d+)_(?<time>\\d{14})\\.mp4'
				      time-format: yyyyMMddHHmmss
				      maker: Yushi
				""");
		FileNames names = new FileNames(new CustodiaProperties(dataDir, false));
		assertThat(names.read("DSJ-Y6", "YS007_20261123090000.mp4").maker()).isEqualTo("Yushi");
		assertThat(names.read("DS-MH2311", "00001_20261123090000_0001.MP4").maker()).isEqualTo("Hikvision");
		// the common patterns fit every maker's files, so they name none
		assertThat(names.read(null, "20261123_090000_0001.MP4").maker()).isNull();
	}

	@Test
	void anyModelFallsBackToTheCommonPatternsAndAStrangeNameSaysNothing() {
		FileNames names = new FileNames(new CustodiaProperties(dataDir, false));
		assertThat(names.read(null, "20261123_090000_0001.MP4").time()).isEqualTo(LocalDateTime.parse("2026-11-23T09:00:00"));
		assertThat(names.read("unknown", "VID_20261122_183000.mp4").time()).isEqualTo(LocalDateTime.parse("2026-11-22T18:30:00"));
		assertThat(names.read(null, "Olympus μ Digital 800.JPG")).isEqualTo(new NameFacts(null, null, false));
		assertThat(names.read(null, "20261399_990000.MP4").time()).as("an impossible date is no time").isNull();
	}

	@Test
	void theWorkstationAddsItsOwnModels() throws Exception {
		Files.writeString(dataDir.resolve("file-names.yaml"), """
				models:
				  X7:
				    - pattern: 'CAM(?<device>\\d+)-(?<time>\\d{12})(?<important>!)?\\.mp4'
				      time-format: yyMMddHHmmss
				""");
		FileNames names = new FileNames(new CustodiaProperties(dataDir, false));
		assertThat(names.read("X7", "CAM12-261123090000!.mp4"))
			.isEqualTo(new NameFacts("12", LocalDateTime.parse("2026-11-23T09:00:00"), true));
	}
}
