package org.custodia.access;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import org.custodia.TestMedia;
import org.custodia.shared.TestDatabases;

/** A memory card holding one real recording made unique, so the shared test context never sees it as a duplicate. */
final class AccessFixtures {

	static final Path MEDIA = TestMedia.FOLDER;

	/** The folder of the card and the exact bytes of its one file. */
	record Card(Path folder, byte[] bytes) {
	}

	private AccessFixtures() {
	}

	/** The sample with sixteen random bytes after its end, which players ignore, under the given name. */
	static Card cardWith(String sample, String name) throws IOException {
		Path folder = TestDatabases.newDataDirectory().resolve("DCIM");
		Files.createDirectories(folder);
		byte[] original = Files.readAllBytes(MEDIA.resolve(sample));
		byte[] tail = new byte[16];
		new Random().nextBytes(tail);
		byte[] unique = Arrays.copyOf(original, original.length + tail.length);
		System.arraycopy(tail, 0, unique, original.length, tail.length);
		Files.write(folder.resolve(name), unique);
		return new Card(folder, unique);
	}
}
