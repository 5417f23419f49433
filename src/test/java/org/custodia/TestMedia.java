package org.custodia;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Set;

/**
 * The real camera, phone and recorder files the tests use, kept in the repository under
 * {@code src/test/resources/media} with their origins and licences in its {@code NOTICE}.
 */
public final class TestMedia {

	/** The folder of test media, as the test class path holds it. */
	public static final Path FOLDER = folder();

	private TestMedia() {
	}

	public static Path file(String name) {
		return FOLDER.resolve(name);
	}

	/** False for the folder's manifest, notice, the scripts that made some of the samples and the formats/ folder. */
	public static boolean isSample(Path file) {
		return java.nio.file.Files.isRegularFile(file)
				&& !Set.of("manifest.json", "NOTICE", "make-equivalents.sh", "make-formats.sh").contains(file.getFileName().toString());
	}

	private static Path folder() {
		URL manifest = TestMedia.class.getResource("/media/manifest.json");
		if (manifest == null) {
			throw new IllegalStateException("src/test/resources/media/manifest.json is not on the test class path");
		}
		try {
			return Path.of(manifest.toURI()).getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
