package org.custodia.media;

import java.nio.file.Path;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Reading media: what an original says about itself ({@link MediaFacts}) and its poster frame, kept
 * apart from the store because it can always be made again from the original.
 */
@Component
public class MediaReading {

	private final MediaProbe probe;

	private final Posters posters;

	MediaReading(MediaProbe probe, Posters posters) {
		this.probe = probe;
		this.posters = posters;
	}

	/**
	 * The facts of a media file; a broken file comes back flagged, never as an exception. An I/O failure
	 * reading it is no fact about the file and is thrown as {@link java.io.UncheckedIOException}.
	 */
	public MediaFacts probe(Path file) {
		return probe.probe(file);
	}

	/** Makes the poster frame of a video original unless it was made before; false when none can be made. */
	public boolean makePoster(String sha256, Path file) {
		if (posters.of(sha256).isPresent()) {
			return true;
		}
		Optional<byte[]> frame = probe.posterFrame(file);
		frame.ifPresent(jpeg -> posters.save(sha256, jpeg));
		return frame.isPresent();
	}

	/** The poster frame of the original with this SHA-256, when one was made. */
	public Optional<Path> poster(String sha256) {
		return posters.of(sha256);
	}
}
