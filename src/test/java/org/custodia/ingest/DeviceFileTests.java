package org.custodia.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A device file read as a stream, for a store that does not copy it inside the kernel. */
class DeviceFileTests {

	@TempDir
	Path dir;

	@Test
	void readsTheWholeFileAfterItsHeadAndCountsEveryByte() throws IOException {
		Path original = ImportFixtures.MEDIA.resolve("sample_mpeg4.mp4");
		byte[] bytes = Files.readAllBytes(original);
		AtomicLong progress = new AtomicLong();
		try (DeviceFile file = DeviceFile.open(original)) {
			assertThat(file.head(16)).isEqualTo(Arrays.copyOf(bytes, 16));
			assertThat(file.checking(bytes.length, progress::addAndGet).readAllBytes()).isEqualTo(bytes);
		}
		assertThat(progress.get()).isEqualTo(bytes.length);
	}

	@Test
	void aFileThatBecameALinkSinceItWasListedDoesNotOpen() throws IOException {
		Path link = Files.createSymbolicLink(dir.resolve("swapped.mp4"), Path.of("/etc/passwd"));
		assertThatThrownBy(() -> DeviceFile.open(link)).isInstanceOf(IOException.class);
	}

	@Test
	void aFileShorterOrLongerThanWhenTheImportBeganFailsAsChanged() throws IOException {
		Path file = Files.write(dir.resolve("a.mp4"), new byte[10_000]);
		try (DeviceFile cut = DeviceFile.open(file).checking(20_000, bytes -> {
		})) {
			assertThatThrownBy(cut::readAllBytes).satisfies(e -> assertThat(DeviceFile.problem((Exception) e))
				.isEqualTo("error.source-changed"));
		}
		try (DeviceFile growing = DeviceFile.open(file).checking(5_000, bytes -> {
		})) {
			assertThatThrownBy(growing::readAllBytes).isInstanceOf(DeviceFile.SizeChangedException.class);
		}
	}

	@Test
	void anEmptyFileHasAnEmptyHead() throws IOException {
		Path empty = Files.write(dir.resolve("zero.mp4"), new byte[0]);
		try (DeviceFile file = DeviceFile.open(empty).checking(0, bytes -> {
		})) {
			assertThat(file.head(16)).isEmpty();
			assertThat(file.readAllBytes()).isEmpty();
		}
	}
}
