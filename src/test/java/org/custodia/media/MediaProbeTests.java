package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.custodia.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every real file of the shared media set read against what exiftool and ffprobe report in its manifest. */
class MediaProbeTests {

	private static final Path MEDIA = TestMedia.FOLDER;

	/** Pixels that are not square, as ffprobe shows them (QCIF H.263 at SAR 12:11 plays as 4:3). */
	private static final Map<String, Double> PIXEL_ASPECT = Map.of("MOV00006.3gp", 12.0 / 11);

	private final MediaProbe probe = new MediaProbe();

	static Stream<Named> manifest() throws IOException {
		JsonNode files = JsonMapper.builder().build().readTree(Files.readString(MEDIA.resolve("manifest.json"))).get("files");
		List<Named> entries = new ArrayList<>();
		files.forEach(entry -> entries.add(new Named(entry.get("file").asString(), entry)));
		return entries.stream();
	}

	record Named(String file, JsonNode entry) {
		@Override
		public String toString() {
			return file;
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifest")
	void readsWhatTheManifestReports(Named named) {
		JsonNode entry = named.entry();
		MediaFacts facts = probe.probe(MEDIA.resolve(named.file()));

		assertThat(facts.problem()).as("problem").isEqualTo(expectedProblem(entry));
		JsonNode duration = entry.path("duration_s").path("oracle");
		if (!duration.isNull()) {
			assertThat(facts.durationMillis()).as("duration").isCloseTo(Math.round(duration.asDouble() * 1000), within(100L));
		}
		JsonNode created = entry.path("creation_time");
		assertThat(facts.createdAsStated()).as("created").isEqualTo(isoLocal(text(created.path("value_as_stored"))));
		if (facts.createdAsStated() != null) {
			assertThat(facts.createdTag()).as("created tag").isEqualTo(text(created.path("source_tag")));
		}
		if (isMovieHeaderTime(created)) {
			// the movie header's time is UTC by the format's definition (the manifest's quicktime_mvhd_semantics)
			assertThat(facts.createdOffset()).as("offset").isEqualTo("+00:00");
			assertThat(facts.createdInstant()).as("instant").isEqualTo(java.time.Instant.parse(facts.createdAsStated() + "Z"));
		}
		else if (!created.path("has_timezone").asBoolean()) {
			assertThat(facts.createdOffset()).as("offset").isNull();
			assertThat(facts.createdInstant()).as("instant").isNull();
		}
		assertThat(facts.make()).as("make").isEqualTo(text(entry.path("make")));
		assertThat(facts.model()).as("model").isEqualTo(text(entry.path("model")));
		assertPosition(entry.path("gps"), facts);
		assertDimensions(entry.path("dimensions"), facts);
		assertThat(facts.videoCodec()).as("video codec").isEqualTo(text(entry.path("codecs").path("video")));
		assertThat(facts.audioCodec()).as("audio codec").isEqualTo(text(entry.path("codecs").path("audio")));
		assertAudio(entry.path("codecs").path("ffprobe_streams"), facts);
		if (facts.problem() == null) {
			assertThat(facts.format()).as("format").isEqualTo(entry.path("category").asString().equals("photo")
					? entry.path("file_type").path("exiftool").asString().toLowerCase()
					: entry.path("file_type").path("ffprobe_format_name").asString());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifest")
	void givesAPosterFrameForVideosOnly(Named named) throws IOException {
		JsonNode entry = named.entry();
		Optional<byte[]> poster = probe.posterFrame(MEDIA.resolve(named.file()));

		boolean decodableVideo = entry.path("category").asString().equals("video")
				&& !entry.path("ffmpeg_decode").path("result").asString().equals("failed");
		if (!decodableVideo) {
			assertThat(poster).as("poster").isEmpty();
		}
		else {
			assertThat(poster).as("poster").isPresent();
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(poster.get()));
			JsonNode size = entry.path("dimensions").path("ffprobe");
			double width = size.get(0).asInt() * PIXEL_ASPECT.getOrDefault(named.file(), 1.0);
			int height = size.get(1).asInt();
			assertThat(image.getWidth()).isEqualTo((int) Math.round(Math.min(width, PosterFrames.MAX_WIDTH)));
			assertThat((double) image.getHeight()).isCloseTo(height * image.getWidth() / width, within(1.0));
		}
	}

	@Test
	void flagsTextAsNotMediaAndZeroBytesAsEmpty(@TempDir Path directory) throws IOException {
		Path note = Files.writeString(directory.resolve("note.mp4"), "执法记录仪 video list\nline two\n");
		Path empty = Files.write(directory.resolve("empty.mp4"), new byte[0]);

		assertThat(probe.probe(note)).isEqualTo(MediaFacts.unreadable("not-media"));
		assertThat(probe.probe(empty)).isEqualTo(MediaFacts.unreadable("empty"));
		assertThat(probe.posterFrame(note)).isEmpty();
		assertThat(probe.posterFrame(empty)).isEmpty();
	}

	@Test
	void readsTheSameFromSeveralThreadsAtOnce() throws Exception {
		List<Path> files = manifest().map(named -> MEDIA.resolve(named.file())).toList();
		List<MediaFacts> alone = files.stream().map(probe::probe).toList();

		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<MediaFacts>> together = new ArrayList<>();
			for (int round = 0; round < 3; round++) {
				files.forEach(file -> together.add(threads.submit(() -> probe.probe(file))));
			}
			for (int i = 0; i < together.size(); i++) {
				assertThat(together.get(i).get()).isEqualTo(alone.get(i % files.size()));
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static boolean isMovieHeaderTime(JsonNode created) {
		return isoLocal(text(created.path("value_as_stored"))) != null
				&& "QuickTime:CreateDate".equals(text(created.path("source_tag")));
	}

	private static String expectedProblem(JsonNode entry) {
		if (entry.path("size_bytes").asLong() == 0) {
			return "empty";
		}
		if (!entry.path("ffmpeg_decode").path("result").asString().equals("failed")) {
			return null;
		}
		// exiftool still recognising the container means its structure is there, only cut short
		return entry.path("file_type").path("exiftool").isNull() ? "corrupt" : "truncated";
	}

	private static void assertPosition(JsonNode gps, MediaFacts facts) {
		if (gps.isNull()) {
			assertThat(facts.latitude()).as("latitude").isNull();
			assertThat(facts.longitude()).as("longitude").isNull();
			assertThat(facts.altitude()).as("altitude").isNull();
			return;
		}
		assertThat(facts.latitude()).as("latitude").isCloseTo(gps.get("lat").asDouble(), within(1e-6));
		assertThat(facts.longitude()).as("longitude").isCloseTo(gps.get("lon").asDouble(), within(1e-6));
		if (gps.get("alt").isNull()) {
			assertThat(facts.altitude()).as("altitude").isNull();
		}
		else {
			assertThat(facts.altitude()).as("altitude").isCloseTo(gps.get("alt").asDouble(), within(0.1));
		}
	}

	/** FFmpeg's size where ffprobe gave one (the cover art of test-pod.m4a), else the track header's. */
	private static void assertDimensions(JsonNode dimensions, MediaFacts facts) {
		JsonNode size = dimensions.path("ffprobe").isNull() ? dimensions.path("exiftool") : dimensions.path("ffprobe");
		assertThat(facts.width()).as("width").isEqualTo(size.isNull() ? null : size.get(0).asInt());
		assertThat(facts.height()).as("height").isEqualTo(size.isNull() ? null : size.get(1).asInt());
	}

	private static void assertAudio(JsonNode streams, MediaFacts facts) {
		JsonNode audio = null;
		for (JsonNode stream : streams) {
			if (audio == null && stream.path("type").asString().equals("audio")) {
				audio = stream;
			}
		}
		assertThat(facts.audioSampleRate()).as("sample rate")
			.isEqualTo(audio == null ? null : Integer.valueOf(audio.get("sample_rate").asString()));
		assertThat(facts.audioChannels()).as("channels").isEqualTo(audio == null ? null : audio.get("channels").asInt());
	}

	/** exiftool's "2019:09:06 05:25:39" as "2019-09-06T05:25:39"; a zero date is no date. */
	static String isoLocal(String stored) {
		if (stored == null || stored.startsWith("0000")) {
			return null;
		}
		return stored.replaceFirst("^(\\d{4}):(\\d{2}):(\\d{2})", "$1-$2-$3").replace(' ', 'T');
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
	}
}
