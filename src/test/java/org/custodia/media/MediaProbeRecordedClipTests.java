package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Clips written here with FFmpeg, so that what the probe reads back is known exactly. */
class MediaProbeRecordedClipTests {

	private static final int FRAMES = 63; // 2.52 s at 25 fps

	private final MediaProbe probe = new MediaProbe();

	@TempDir
	Path directory;

	@Test
	void readsBackWhatTheCameraWrote() throws IOException {
		Path clip = record("clip.mp4", Map.of("creation_time", "2026-11-23T15:30:00.000000Z", "make", "Hikvision",
				"model", "DSJ-X1", "location", "+34.7466+113.6253+100.000/"));

		MediaFacts facts = probe.probe(clip);

		assertThat(facts.problem()).isNull();
		assertThat(facts.format()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
		assertThat(facts.durationMillis()).isCloseTo(2520L, within(100L));
		assertThat(facts.videoCodec()).isEqualTo("mpeg4");
		assertThat(facts.width()).isEqualTo(320);
		assertThat(facts.height()).isEqualTo(240);
		assertThat(facts.frameRate()).isCloseTo(25.0, within(0.01));
		assertThat(facts.audioCodec()).isNull();
		// the movie header's time is UTC by the format's definition; a camera that wrote local time there
		// is found by comparing it with the file's other claims, not by disbelieving the format
		assertThat(facts.createdAsStated()).isEqualTo("2026-11-23T15:30:00");
		assertThat(facts.createdTag()).isEqualTo("QuickTime:CreateDate");
		assertThat(facts.createdOffset()).isEqualTo("+00:00");
		assertThat(facts.createdInstant()).isEqualTo(Instant.parse("2026-11-23T15:30:00Z"));
		assertThat(facts.statedTimes()).hasSize(1);
		assertThat(facts.make()).isEqualTo("Hikvision");
		assertThat(facts.model()).isEqualTo("DSJ-X1");
		assertThat(facts.latitude()).isCloseTo(34.7466, within(1e-6));
		assertThat(facts.longitude()).isCloseTo(113.6253, within(1e-6));
		assertThat(facts.altitude()).isCloseTo(100.0, within(0.1));
	}

	@Test
	void takesTheInstantOnlyFromATimeThatStatesItsOffset() throws IOException {
		Path clip = record("phone.mov", Map.of("creation_time", "2026-11-23T07:30:00.000000Z",
				"com.apple.quicktime.creationdate", "2026-11-23T15:30:00+0800", "com.apple.quicktime.make", "Apple",
				"com.apple.quicktime.model", "iPhone 15"));

		MediaFacts facts = probe.probe(clip);

		assertThat(facts.createdAsStated()).isEqualTo("2026-11-23T15:30:00");
		assertThat(facts.createdTag()).isEqualTo("Keys:CreationDate");
		assertThat(facts.createdOffset()).isEqualTo("+08:00");
		assertThat(facts.createdInstant()).isEqualTo(Instant.parse("2026-11-23T07:30:00Z"));
		assertThat(facts.make()).isEqualTo("Apple");
		assertThat(facts.model()).isEqualTo("iPhone 15");
		// the movie header's UTC time is kept beside it, second in trust
		assertThat(facts.statedTimes()).extracting(StatedTime::tag).containsExactly("Keys:CreationDate", "QuickTime:CreateDate");
		assertThat(facts.statedTimes().get(1).instant()).isEqualTo(Instant.parse("2026-11-23T07:30:00Z"));
	}

	@Test
	void postersTheFrameAtOneSecond() throws IOException {
		Path clip = record("clip.mp4", Map.of());

		byte[] poster = probe.posterFrame(clip).orElseThrow();

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(poster));
		assertThat(image.getWidth()).isEqualTo(320);
		assertThat(image.getHeight()).isEqualTo(240);
		// frame n is painted with red 4n: the poster is frame 25, not the first
		assertThat(new Color(image.getRGB(160, 120)).getRed()).isCloseTo(100, within(12));
	}

	@Test
	void flagsARecordingCutOffBeforeItsIndexWasWritten() throws IOException {
		Path whole = record("whole.mp4", Map.of("creation_time", "2026-11-23T15:30:00.000000Z"));
		byte[] bytes = Files.readAllBytes(whole);
		// FFmpeg writes the index (moov) last, as cameras do: losing power loses it
		Path cut = Files.write(directory.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));

		assertThat(probe.probe(cut).problem()).isEqualTo("truncated");
		assertThat(probe.posterFrame(cut)).isEmpty();
	}

	private Path record(String name, Map<String, String> metadata) throws IOException {
		Path clip = directory.resolve(name);
		Java2DFrameConverter converter = new Java2DFrameConverter();
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(clip.toString(), 320, 240, 0)) {
			recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
			recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
			recorder.setFrameRate(25);
			recorder.setVideoQuality(2);
			recorder.setMetadata(metadata);
			// without it the MP4 muxer drops tags it has no atom for (make, model, Apple's keys)
			recorder.setOption("movflags", "use_metadata_tags");
			recorder.start();
			for (int frame = 0; frame < FRAMES; frame++) {
				BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
				Graphics2D graphics = image.createGraphics();
				graphics.setColor(new Color(4 * frame, 100, 200));
				graphics.fillRect(0, 0, 320, 240);
				graphics.dispose();
				recorder.record(converter.convert(image));
			}
		}
		return clip;
	}
}
