package org.custodia.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.custodia.device.Device;
import org.custodia.media.MediaFacts;
import org.custodia.media.MediaReading;
import org.custodia.recording.NameFacts;
import org.custodia.storage.BlobStore;
import org.custodia.storage.StoredBlob;
import org.springframework.stereotype.Component;

/**
 * Reads what a just-stored original says about itself, outside the import's transaction: its media
 * facts from the stored copy, its poster frame, what its name says, and the device's file time.
 */
@Component
class OriginalFacts {

	/** What is known of one stored file before it is recorded. */
	record Facts(SourceFile source, String type, StoredBlob blob, MediaFacts media, NameFacts name,
			Instant modified, boolean poster) {
	}

	private final BlobStore store;

	private final MediaReading reading;

	private final FileNames fileNames;

	OriginalFacts(BlobStore store, MediaReading reading, FileNames fileNames) {
		this.store = store;
		this.reading = reading;
		this.fileNames = fileNames;
	}

	Facts read(Device device, SourceFile source, String type, StoredBlob blob) {
		Path stored = store.localFile(blob.key()).orElse(source.path());
		// an unrecognised first few bytes are no verdict: FFmpeg decides what is media, by decoding it
		MediaFacts media = blob.size() == 0 ? MediaFacts.unreadable("empty") : probed(stored);
		boolean video = media.readable() && media.videoCodec() != null;
		boolean poster = video && reading.makePoster(blob.sha256(), stored);
		String name = source.name().substring(source.name().lastIndexOf('/') + 1);
		NameFacts named = fileNames.read(device.model(), name);
		if (media.make() == null && named.maker() != null) {
			// a body camera's container often names no maker: its naming scheme and the register's model do
			media = media.madeBy(named.maker(), device.model());
		}
		return new Facts(source, type, blob, media, named, modified(source.path()), poster);
	}

	/** The stored copy was just written and verified: if it cannot be read now, the facts wait, not the import. */
	private MediaFacts probed(Path stored) {
		try {
			return reading.probe(stored);
		}
		catch (UncheckedIOException e) {
			return MediaFacts.unreadable("unreadable");
		}
	}

	/** When the device last wrote the file: the end of recording, by the device's clock. */
	static Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS).toInstant().truncatedTo(ChronoUnit.MILLIS);
		}
		catch (IOException e) {
			return null;
		}
	}
}
