package org.custodia.media;

import com.drew.imaging.FileType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads what an original says about itself, and a poster frame of videos. Broken files are facts
 * too: they come back flagged, never as an exception, since an original is kept whatever its state.
 * Safe for concurrent imports: every call opens its own readers.
 */
@Component
class MediaProbe {

	private static final int HEAD_BYTES = 4096;

	/**
	 * Never throws for what a file holds; an I/O failure reading it (a missing file, a failing disk) is
	 * no fact about the file and is thrown as {@link UncheckedIOException}.
	 */
	MediaFacts probe(Path file) {
		try {
			return read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A JPEG at most 640 px wide of a frame of a video; empty for audio, photos and files FFmpeg cannot decode. */
	Optional<byte[]> posterFrame(Path file) {
		try {
			return PosterFrames.of(file);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private MediaFacts read(Path file) throws IOException {
		long size = Files.size(file);
		if (size == 0) {
			return MediaFacts.unreadable("empty");
		}
		byte[] head = new byte[HEAD_BYTES];
		int length;
		boolean cutShort;
		Map<String, String> riffTexts = Map.of();
		int[] heifSize = null;
		Long movieHeaderMillis = null;
		MakerBoxes.Maker maker = null;
		FileType type;
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			length = readHead(channel, head);
			type = ExtractorFacts.detect(head, length);
			if (Containers.isText(head, length, length == size)) {
				return MediaFacts.unreadable("not-media");
			}
			cutShort = Containers.isCutShort(channel, head, length);
			if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F') {
				riffTexts = Containers.riffTexts(channel);
			}
			if (type == FileType.Heif) {
				heifSize = HeifItems.primarySize(channel);
			}
			else if (Containers.isIso(head, length) && !cutShort) {
				movieHeaderMillis = Containers.movieHeaderMillis(channel);
				maker = MakerBoxes.read(channel);
			}
		}
		FactsBuilder facts = new FactsBuilder();
		boolean streams = FfmpegFacts.read(file, size, facts);
		if (movieHeaderMillis != null) {
			// the container's own word, even where FFmpeg prefers its tracks': a lying header is a fact to flag
			facts.durationMillis = movieHeaderMillis;
		}
		if (maker != null) {
			// the container's own make and model (FFmpeg's) come first; the camera's boxes fill what it left out
			facts.make = facts.make != null ? facts.make : maker.make();
			facts.model = facts.model != null ? facts.model : maker.model();
		}
		if (ExtractorFacts.isPhoto(type)) {
			// FFmpeg reads a photo as a one-frame video of 0.04 s at 25 fps: neither is a fact about it
			facts.format = photoFormat(type, head, length);
			facts.durationMillis = null;
			facts.streamsDurationMillis = null;
			facts.frameRate = null;
			ExtractorFacts.readPhoto(file, size, facts);
			if (heifSize != null) {
				// FFmpeg and the track of tiles give one 512x512 tile; the primary item's ispe is the picture
				facts.width = heifSize[0];
				facts.height = heifSize[1];
			}
		}
		addRiffTexts(riffTexts, facts);
		if (cutShort) {
			facts.problem = "truncated";
			if (facts.width == null && facts.videoCodec != null) {
				ExtractorFacts.readTrackSize(file, size, facts);
			}
		}
		else if (!streams) {
			facts.problem = type == FileType.Unknown || isMedia(type) ? "corrupt" : "not-media";
		}
		return facts.build();
	}

	/** As exiftool names it: "jpeg", "png", and "heic" for HEIF stills with HEVC pictures. */
	private static String photoFormat(FileType type, byte[] head, int length) {
		if (type == FileType.Heif && length >= 12) {
			String brand = new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
			if (brand.startsWith("hei") || brand.startsWith("hev")) {
				return "heic";
			}
		}
		return type.getName().toLowerCase(Locale.ROOT);
	}

	private static void addRiffTexts(Map<String, String> texts, FactsBuilder facts) {
		String created = texts.get("ICRD");
		if (texts.containsKey("etim")) {
			// as exiftool composes a voice memo's date and time of day into Composite:DateTimeOriginal
			facts.created(StatedTime.combined(created, texts.get("etim"), "Composite:DateTimeOriginal"));
		}
		facts.created(StatedTime.of(created, "RIFF:DateCreated"));
		if (facts.make == null) {
			facts.make = texts.get("ecor");
		}
		if (facts.model == null) {
			facts.model = texts.get("emdl");
		}
	}

	private static boolean isMedia(FileType type) {
		String mime = type.getMimeType();
		return mime != null && (mime.startsWith("image/") || mime.startsWith("audio/") || mime.startsWith("video/"));
	}

	private static int readHead(SeekableByteChannel channel, byte[] head) throws IOException {
		ByteBuffer buffer = ByteBuffer.wrap(head);
		while (buffer.hasRemaining() && channel.read(buffer) > 0) {
			// a channel may return fewer bytes than asked for
		}
		return buffer.position();
	}
}
