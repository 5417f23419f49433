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
 * made from the original the first time each is asked for and kept under
 * {@code <data-dir>/derived/strips/<sha256>/}: derived, regenerable, never part of the store.
 */
@Component
public class StripFrames {

	public static final int COUNT = 10;

	static final int WIDTH = 192;

	private static final Logger log = LoggerFactory.getLogger(StripFrames.class);

	private final Path directory;

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
		try {
			Optional<BufferedImage> picture = grab(original, (long) ((index + 0.5) * durationMillis * 1000 / COUNT));
			if (picture.isEmpty()) {
				return Optional.empty();
			}
			Files.createDirectories(frame.getParent());
			Path temp = frame.resolveSibling(index + "-" + UUID.randomUUID() + ".tmp");
			ImageIO.write(picture.get(), "jpg", temp.toFile());
			Files.move(temp, frame, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return Optional.of(frame);
		}
		catch (IOException | RuntimeException e) {
			log.warn("No strip frame {} of {}: {}", index, sha256, e.toString());
			return Optional.empty();
		}
	}

	private static Optional<BufferedImage> grab(Path original, long micros) throws IOException {
		avutil.av_log_set_level(avutil.AV_LOG_ERROR);
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(original.toAbsolutePath().toString())) {
			grabber.start();
			grabber.setTimestamp(micros);
			Frame frame = grabber.grabImage();
			if (frame == null || frame.image == null) {
				return Optional.empty();
			}
			// converted before the grabber closes: the frame points into the grabber's buffers
			BufferedImage picture = new Java2DFrameConverter().convert(frame);
			double aspect = grabber.getAspectRatio() > 0 ? grabber.getAspectRatio() : 1;
			double displayWidth = picture.getWidth() * aspect;
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
			return Optional.of(small);
		}
	}
}
