package org.custodia.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.custodia.shared.CustodiaProperties;
import org.springframework.stereotype.Component;

/**
 * Poster frames of video originals: derived pictures, kept apart from the write-once store under
 * {@code <data-dir>/derived/posters/<sha256>.jpg} because they can always be made again from the
 * original and are not evidence themselves (ARC-1).
 */
@Component
class Posters {

	private final Path directory;

	Posters(CustodiaProperties custodia) {
		this.directory = custodia.dataDir().resolve("derived").resolve("posters");
	}

	void save(String sha256, byte[] jpeg) {
		try {
			Files.createDirectories(directory);
			Path temp = Files.createTempFile(directory, sha256, ".part");
			Files.write(temp, jpeg);
			Files.move(temp, file(sha256), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Optional<Path> of(String sha256) {
		Path file = file(sha256);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	private Path file(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + sha256);
		}
		return directory.resolve(sha256 + ".jpg");
	}
}
