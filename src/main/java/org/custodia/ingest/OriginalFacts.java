package org.custodia.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.custodia.device.Device;
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
	record Facts(SourceFile source, String type, StoredBlob blob, MediaFacts media, FileNames.NameFacts name,
			Instant modified, boolean poster) {
	}

	private final BlobStore store;

	private final MediaProbe probe;

	private final Posters posters;

	private final FileNames fileNames;

	OriginalFacts(BlobStore store, MediaProbe probe, Posters posters, FileNames fileNames) {
		this.store = store;
		this.probe = probe;
		this.posters = posters;
		this.fileNames = fileNames;
	}

	Facts read(Device device, SourceFile source, String type, StoredBlob blob) {
		Path stored = store.localFile(blob.key()).orElse(source.path());
		MediaFacts media = blob.size() == 0 ? MediaFacts.unreadable("empty")
				: ContentTypes.UNKNOWN.equals(type) ? MediaFacts.unreadable("not-media") : probed(stored);
		boolean video = media.readable() && media.videoCodec() != null;
		boolean poster = video && posters.of(blob.sha256()).isPresent();
		if (video && !poster) {
			var frame = probe.posterFrame(stored);
			frame.ifPresent(jpeg -> posters.save(blob.sha256(), jpeg));
			poster = frame.isPresent();
		}
		String name = source.name().substring(source.name().lastIndexOf('/') + 1);
		return new Facts(source, type, blob, media, fileNames.read(device.model(), name), modified(source.path()), poster);
	}

	/** The stored copy was just written and verified: if it cannot be read now, the facts wait, not the import. */
	private MediaFacts probed(Path stored) {
		try {
			return probe.probe(stored);
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
