package org.custodia.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.imageio.ImageIO;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.custodia.shared.CustodiaProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The strip of small frames a player seeks by: {@link #COUNT} frames evenly spread over a video,
 * made from the original the first time one is asked for — all of them in one opening of the file,
 * since opening a long recording (reading its index) costs as much as a seek — and kept under
 * {@code <data-dir>/derived/strips/<sha256>/}: derived, regenerable, never part of the store. The
 * player asks for the frames at once; one request makes the strip while the others wait for it.
 */
@Component
public class StripFrames {

	public static final int COUNT = 10;

	static final int WIDTH = 192;

	private static final Logger log = LoggerFactory.getLogger(StripFrames.class);

	private final Path directory;

	private final ConcurrentHashMap<String, Object> making = new ConcurrentHashMap<>();

	StripFrames(CustodiaProperties custodia) {
		this.directory = custodia.dataDir().resolve("derived").resolve("strips");
	}

	/** The frame at the middle of the {@code index}-th tenth of the video, or empty when none can be read there. */
	public Optional<Path> frame(String sha256, Path original, long durationMillis, int index) {
		if (index < 0 || index >= COUNT || !sha256.matches("^[0-9a-f]{64}$") || durationMillis <= 0) {
			return Optional.empty();
		}
		Path frame = directory.resolve(sha256).resolve(index + ".jpg");
		if (Files.isRegularFile(frame)) {
			return Optional.of(frame);
		}
		Object lock = making.computeIfAbsent(sha256, key -> new Object());
		try {
			synchronized (lock) {
				if (!Files.isRegularFile(frame) && make(sha256, original, durationMillis, true) == Made.SOME) {
					make(sha256, original, durationMillis, false);
				}
			}
		}
		finally {
			making.remove(sha256, lock);
		}
		return Files.isRegularFile(frame) ? Optional.of(frame) : Optional.empty();
	}

	private enum Made {
		ALL, SOME, UNREADABLE
	}

	/**
	 * Makes every frame of the strip not made yet, and says whether all are there now. With
	 * {@code keyFramesOnly} a frame is the first key frame from its point on (a second or two later in
	 * camera footage): decoding the frames in between cost ten times more. A video with few key frames (a
	 * phone's short clip may have one) leaves frames out that way; they are then made frame-exact.
	 */
	private Made make(String sha256, Path original, long durationMillis, boolean keyFramesOnly) {
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
		int made = 0;
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(original.toAbsolutePath().toString())) {
			if (keyFramesOnly) {
				grabber.setVideoOption("skip_frame", "nokey");
			}
			grabber.start();
			Java2DFrameConverter converter = new Java2DFrameConverter();
			for (int index = 0; index < COUNT; index++) {
				Path frame = directory.resolve(sha256).resolve(index + ".jpg");
				if (Files.isRegularFile(frame)) {
					made++;
					continue;
				}
				grabber.setTimestamp((long) ((index + 0.5) * durationMillis * 1000 / COUNT));
				Frame grabbed = grabber.grabImage();
				if (grabbed == null || grabbed.image == null) {
					continue;
				}
				// converted at once: the frame points into the grabber's buffers, reused by the next grab
				BufferedImage small = scaled(converter.convert(grabbed), grabber.getAspectRatio());
				Files.createDirectories(frame.getParent());
				Path temp = frame.resolveSibling(index + "-" + UUID.randomUUID() + ".tmp");
				ImageIO.write(small, "jpg", temp.toFile());
				Files.move(temp, frame, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				made++;
			}
		}
		catch (IOException | RuntimeException e) {
			log.warn("Strip of {} left incomplete: {}", sha256, e.toString());
			return Made.UNREADABLE;
		}
		return made == COUNT ? Made.ALL : Made.SOME;
	}

	private static BufferedImage scaled(BufferedImage picture, double pixelAspect) {
		double displayWidth = picture.getWidth() * (pixelAspect > 0 ? pixelAspect : 1);
		int height = Math.max(1, (int) Math.round(picture.getHeight() * WIDTH / displayWidth));
		BufferedImage small = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = small.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.drawImage(picture, 0, 0, WIDTH, height, null);
		}
		finally {
			graphics.dispose();
		}
		return small;
	}
}
