package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.custodia.TestMedia;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One file of each kind cameras and recorders write (DV, AVCHD, BWF and RF64, ID3 dates, QuickTime
 * without ftyp, HEIC, EXIF offsets, XMP zones, GPS at 0,0) and files that lie or hold noise, read
 * against what exiftool and ffprobe say of them in formats/manifest.json (made by make-formats.sh).
 */
class MediaProbeFormatsTests {

	private static final Path FORMATS = TestMedia.FOLDER.resolve("formats");

	private final MediaProbe probe = new MediaProbe();

	record Named(String file, JsonNode entry) {
		@Override
		public String toString() {
			return file;
		}
	}

	static Stream<Named> manifest() throws IOException {
		JsonNode files = JsonMapper.builder().build().readTree(Files.readString(FORMATS.resolve("manifest.json"))).get("files");
		List<Named> entries = new ArrayList<>();
		files.forEach(entry -> entries.add(new Named(entry.get("file").asString(), entry)));
		return entries.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("manifest")
	void readsWhatTheToolsSay(Named named) {
		JsonNode entry = named.entry();
		JsonNode exiftool = entry.path("exiftool");
		JsonNode ffprobe = entry.path("ffprobe");
		MediaFacts facts = probe.probe(FORMATS.resolve(named.file()));
		boolean photo = exiftool.path("mime").asString().startsWith("image/");

		boolean failed = entry.path("ffmpeg_decode").path("result").asString().equals("failed");
		assertThat(facts.problem()).as("problem").isEqualTo(failed ? "corrupt" : null);
		if (failed) {
			assertThat(facts.problemDetail()).as("FFmpeg's reason").isNotBlank();
		}
		assertThat(facts.format()).as("format").isEqualTo(
				photo ? exiftool.path("file_type").asString().toLowerCase() : ffprobe.path("format_name").asString());
		assertDurations(photo, ffprobe, entry, facts);
		assertStreams(photo, exiftool, ffprobe, facts);
		JsonNode maker = entry.path("maker");
		assertThat(facts.make()).as("make").isEqualTo(text(maker.isNull() ? exiftool.path("make") : maker.path("make")));
		assertThat(facts.model()).as("model").isEqualTo(text(maker.isNull() ? exiftool.path("model") : maker.path("model")));
		JsonNode gps = exiftool.path("gps");
		assertThat(facts.latitude()).as("latitude").isEqualTo(gps.isNull() ? null : gps.get(0).asDouble());
		assertThat(facts.longitude()).as("longitude").isEqualTo(gps.isNull() ? null : gps.get(1).asDouble());
		assertTimes(entry.path("stated_times"), facts);
	}

	@Test
	void eachFileIsTheOneItsManifestDescribesAndTheNoticeNames() throws Exception {
		String notice = Files.readString(TestMedia.file("NOTICE"));
		List<String> listed = manifest().map(Named::file).toList();
		for (Named named : manifest().toList()) {
			byte[] bytes = Files.readAllBytes(FORMATS.resolve(named.file()));
			assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).as(named.file())
				.isEqualTo(named.entry().get("sha256").asString());
			assertThat(notice).as("NOTICE names " + named.file()).contains("formats/" + named.file());
		}
		try (Stream<Path> folder = Files.list(FORMATS)) {
			assertThat(folder.map(file -> file.getFileName().toString()).filter(name -> !name.equals("manifest.json")))
				.containsExactlyInAnyOrderElementsOf(listed);
		}
	}

	@Test
	void flagsAMovieHeaderWhoseDurationTheTracksBelie() {
		MediaFacts lying = probe.probe(FORMATS.resolve("lying-duration.mp4"));
		MediaFacts honest = probe.probe(FORMATS.resolve("camera.mp4"));

		assertThat(lying.durationMillis()).as("the header's claim, kept as stated").isEqualTo(20_000L);
		assertThat(lying.streamsDurationMillis()).isEqualTo(2_000L);
		assertThat(lying.durationDisagrees()).isTrue();
		assertThat(lying.problem()).isNull();
		assertThat(honest.durationDisagrees()).isFalse();
	}

	@Test
	void keepsTheOrderOfTrustAmongTheTimesAFileStates() {
		MediaFacts phone = probe.probe(FORMATS.resolve("phone.mov"));
		MediaFacts gps = probe.probe(FORMATS.resolve("gps-zero.jpg"));

		// the time with its writer's offset first, the movie header's UTC second
		assertThat(phone.createdTag()).isEqualTo("Keys:CreationDate");
		assertThat(phone.createdInstant()).isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
		// the camera's local time before the GPS receiver's UTC, which is when the position was fixed
		assertThat(gps.createdTag()).isEqualTo("EXIF:DateTimeOriginal");
		assertThat(gps.createdOffset()).isNull();
		assertThat(gps.statedTimes().get(1).tag()).isEqualTo("Composite:GPSDateTime");
	}

	@Test
	void givesAHeicStillThePictureSizeNotATile() {
		MediaFacts grid = probe.probe(FORMATS.resolve("phone-grid.heic"));

		assertThat(grid.problem()).isNull();
		assertThat(grid.format()).isEqualTo("heic");
		// 2x2 tiles of 512x512, each with its own ispe: the primary (grid) item's is the picture's
		assertThat(grid.width()).isEqualTo(1024);
		assertThat(grid.height()).isEqualTo(1024);
		assertThat(grid.durationMillis()).isNull();
	}

	private static void assertDurations(boolean photo, JsonNode ffprobe, JsonNode entry, MediaFacts facts) {
		if (photo) {
			assertThat(facts.durationMillis()).as("duration").isNull();
			assertThat(facts.streamsDurationMillis()).as("streams' duration").isNull();
			return;
		}
		long container = Math.round(Double.parseDouble(ffprobe.path("duration").asString()) * 1000);
		long streams = Math.round(entry.path("streams_duration_s").asDouble() * 1000);
		assertThat(facts.durationMillis()).as("duration").isCloseTo(container, within(100L));
		assertThat(facts.streamsDurationMillis()).as("streams' duration").isCloseTo(streams, within(100L));
		boolean disagree = Math.abs(container - streams) > Math.max(2_000, Math.max(container, streams) / 10);
		assertThat(facts.durationDisagrees()).as("durations disagree").isEqualTo(disagree);
	}

	/** Codecs, sizes and sound as ffprobe gives them; a photo's size as exiftool does (ffprobe 5.1 reads no HEIC). */
	private static void assertStreams(boolean photo, JsonNode exiftool, JsonNode ffprobe, MediaFacts facts) {
		JsonNode video = first(ffprobe.path("streams"), "video");
		JsonNode audio = first(ffprobe.path("streams"), "audio");
		if (video != null || !photo) {
			assertThat(facts.videoCodec()).as("video codec").isEqualTo(video == null ? null : video.path("codec").asString());
		}
		JsonNode size = photo ? exiftool.path("image_size") : video;
		Integer width = size == null ? null : Integer.valueOf(photo ? size.get(0).asInt() : size.path("width").asInt());
		Integer height = size == null ? null : Integer.valueOf(photo ? size.get(1).asInt() : size.path("height").asInt());
		assertThat(facts.width()).as("width").isEqualTo(width);
		assertThat(facts.height()).as("height").isEqualTo(height);
		assertThat(facts.audioCodec()).as("audio codec").isEqualTo(audio == null ? null : audio.path("codec").asString());
		assertThat(facts.audioSampleRate()).as("sample rate")
			.isEqualTo(audio == null ? null : Integer.valueOf(audio.path("sample_rate").asString()));
		assertThat(facts.audioChannels()).as("channels").isEqualTo(audio == null ? null : audio.path("channels").asInt());
	}

	private static void assertTimes(JsonNode expected, MediaFacts facts) {
		List<StatedTime> times = new ArrayList<>();
		expected.forEach(time -> times.add(new StatedTime(time.path("as_stated").asString(), time.path("tag").asString(),
				text(time.path("offset")), time.path("instant").isNull() ? null : Instant.parse(time.path("instant").asString()))));
		assertThat(facts.statedTimes()).as("stated times, most trusted first").isEqualTo(times);
		StatedTime first = times.isEmpty() ? null : times.get(0);
		assertThat(facts.createdAsStated()).as("created").isEqualTo(first == null ? null : first.asStated());
		assertThat(facts.createdTag()).as("created tag").isEqualTo(first == null ? null : first.tag());
		assertThat(facts.createdOffset()).as("offset").isEqualTo(first == null ? null : first.offset());
		assertThat(facts.createdInstant()).as("instant").isEqualTo(first == null ? null : first.instant());
	}

	private static JsonNode first(JsonNode streams, String type) {
		for (JsonNode stream : streams) {
			if (stream.path("type").asString().equals(type)) {
				return stream;
			}
		}
		return null;
	}

	private static String text(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode() ? null : node.asString();
	}
}
