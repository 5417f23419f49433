package org.custodia.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.custodia.shared.CustodiaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The latest checkpoint kept outside the database: {@code <data-dir>/ledger/checkpoint.txt} and, with a
 * second root, {@code <second-root>/ledger/checkpoint.txt} on the other disk. Whoever deletes the log's
 * tail and the database's checkpoints of it still leaves these behind, and {@code verify} reads them.
 * Each is replaced atomically (a temporary file made durable, then renamed), never by a smaller tree.
 */
@Component
class KeptCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(KeptCheckpoints.class);

	static final String FILE = "checkpoint.txt";

	/** A checkpoint kept outside the database or given by a user: where it came from, and its text. */
	record Kept(String source, String text) {
	}

	private final List<Path> places = new ArrayList<>();

	KeptCheckpoints(CustodiaProperties properties, @Value("${custodia.storage.second-root:}") String secondRoot) {
		places.add(properties.dataDir().resolve("ledger").resolve(FILE));
		if (!secondRoot.isBlank()) {
			places.add(Path.of(secondRoot).resolve("ledger").resolve(FILE));
		}
	}

	/** Keeps the checkpoint (its note and the verifier key, as the text download has them) in every place. */
	synchronized void keep(long size, String note, SignedNote.VerifierKey key) {
		String text = note + "\n" + key.text() + "\n";
		for (Path place : places) {
			try {
				Optional<SignedNote.Checkpoint> there = Files.isRegularFile(place)
						? SignedNote.verify(Files.readString(place, StandardCharsets.UTF_8), key) : Optional.empty();
				if (there.isPresent() && there.get().size() > size) {
					continue;
				}
				replace(place, text);
			}
			catch (IOException | RuntimeException e) {
				log.error("Could not keep the ledger checkpoint of size {} in {}: {}", size, place, e.toString());
			}
		}
	}

	/** The checkpoints kept in the data directory and on the second root, where present. */
	List<Kept> found() {
		List<Kept> found = new ArrayList<>();
		for (Path place : places) {
			try {
				if (Files.isRegularFile(place)) {
					found.add(new Kept(place.toString(), Files.readString(place, StandardCharsets.UTF_8)));
				}
			}
			catch (IOException | RuntimeException e) {
				log.error("Could not read the ledger checkpoint kept in {}: {}", place, e.toString());
				found.add(new Kept(place.toString(), ""));
			}
		}
		return found;
	}

	private static void replace(Path place, String text) throws IOException {
		Path directory = place.getParent();
		if (!Files.isDirectory(directory.getParent())) {
			// An unmounted second disk: its mount point is not made on the first disk in its place.
			throw new java.nio.file.NoSuchFileException(directory.getParent().toString(), null, "not there (not mounted?)");
		}
		Files.createDirectories(directory);
		Path temporary = directory.resolve("." + FILE + "." + UUID.randomUUID() + ".tmp");
		try {
			try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
				out.write(StandardCharsets.UTF_8.encode(text));
				out.force(true);
			}
			Files.move(temporary, place, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		// The rename is durable only once the directory that records it is.
		try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
			dir.force(true);
		}
		catch (IOException e) {
			// Some file systems (network mounts) cannot open a directory; the rename stands all the same.
		}
	}
}
