package org.custodia.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.custodia.shared.CustodiaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player's seek strip, on H.264 clips written here whose every frame shows its number in its red. */
class StripFramesTests {

	private static final int FRAMES = 100; // 4 s at 25 fps

	private static final String SHA = "ab".repeat(32);

	@TempDir
	Path directory;

	@Test
	void aClipWithAKeyFrameEverySecondGivesTenFramesInTimeOrder() throws Exception {
		Path clip = record(25);
		StripFrames strip = new StripFrames(new CustodiaProperties(directory.resolve("data"), false));

		List<Integer> reds = reds(strip, clip);

		assertThat(reds).hasSize(StripFrames.COUNT).isSorted();
		assertThat(reds.get(StripFrames.COUNT - 1) - reds.get(0)).isGreaterThan(100);
	}

	@Test
	void aClipWithOneKeyFrameStillGivesEveryFrameAtItsOwnTime() throws Exception {
		Path clip = record(1000);
		StripFrames strip = new StripFrames(new CustodiaProperties(directory.resolve("data"), false));

		List<Integer> reds = reds(strip, clip);

		// frame i is taken at (i + 0.5) × 0.4 s, that is frame 5 + 10 i of the clip, whose red is twice its number
		for (int index = 0; index < StripFrames.COUNT; index++) {
			assertThat(reds.get(index)).isCloseTo(2 * (5 + 10 * index), org.assertj.core.api.Assertions.within(12));
		}
	}

	@Test
	void framesAskedForAtOnceAreMadeOnceAndCompletely() throws Exception {
		Path clip = record(25);
		StripFrames strip = new StripFrames(new CustodiaProperties(directory.resolve("data"), false));
		ExecutorService pool = Executors.newFixedThreadPool(StripFrames.COUNT);
		try {
			List<Future<Optional<Path>>> asked = new ArrayList<>();
			for (int index = 0; index < StripFrames.COUNT; index++) {
				int which = index;
				asked.add(pool.submit(() -> strip.frame(SHA, clip, 4000, which)));
			}
			for (Future<Optional<Path>> answer : asked) {
				assertThat(answer.get()).isPresent();
			}
		}
		finally {
			pool.shutdownNow();
		}
		try (Stream<Path> files = Files.list(directory.resolve("data/derived/strips").resolve(SHA))) {
			assertThat(files.map(file -> file.getFileName().toString()).sorted())
				.containsExactly("0.jpg", "1.jpg", "2.jpg", "3.jpg", "4.jpg", "5.jpg", "6.jpg", "7.jpg", "8.jpg", "9.jpg");
		}
	}

	@Test
	void aFileThatIsNoVideoGivesNoFrameAndNoError() throws Exception {
		Path text = Files.writeString(directory.resolve("notes.mp4"), "not a video");
		StripFrames strip = new StripFrames(new CustodiaProperties(directory.resolve("data"), false));

		assertThat(strip.frame(SHA, text, 4000, 3)).isEmpty();
	}

	private static List<Integer> reds(StripFrames strip, Path clip) throws IOException {
		List<Integer> reds = new ArrayList<>();
		for (int index = 0; index < StripFrames.COUNT; index++) {
			Path frame = strip.frame(SHA, clip, 4000, index).orElseThrow();
			BufferedImage picture = ImageIO.read(frame.toFile());
			assertThat(picture.getWidth()).isEqualTo(StripFrames.WIDTH);
			reds.add(new Color(picture.getRGB(picture.getWidth() / 2, picture.getHeight() / 2)).getRed());
		}
		return reds;
	}

	private Path record(int keyFrameInterval) throws IOException {
		Path clip = directory.resolve("gop" + keyFrameInterval + ".mp4");
		Java2DFrameConverter converter = new Java2DFrameConverter();
		try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(clip.toString(), 320, 240, 0)) {
			recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
			recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
			recorder.setFrameRate(25);
			recorder.setGopSize(keyFrameInterval);
			recorder.setVideoBitrate(2_000_000);
			recorder.start();
			for (int frame = 0; frame < FRAMES; frame++) {
				BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_3BYTE_BGR);
				Graphics2D graphics = image.createGraphics();
				graphics.setColor(new Color(2 * frame, 100, 200));
				graphics.fillRect(0, 0, 320, 240);
				graphics.dispose();
				recorder.record(converter.convert(image));
			}
		}
		return clip;
	}
}
