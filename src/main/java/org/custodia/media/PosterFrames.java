package org.custodia.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A JPEG of one representative frame of a video: the frame at one second, past the dark or blurred
 * start of most body-camera clips, or the first frame of clips shorter than two seconds.
 */
final class PosterFrames {

	static final int MAX_WIDTH = 640;

	private static final long SHORT_CLIP_MICROS = 2_000_000;

	private static final long POSTER_MICROS = 1_000_000;

	private PosterFrames() {
	}

	static Optional<byte[]> of(Path file) throws IOException {
		FfmpegFacts.quietLogging();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toAbsolutePath().toString())) {
			grabber.start();
			if (!hasMovingPicture(grabber.getFormatContext())) {
				return Optional.empty();
			}
			Frame frame = null;
			if (grabber.getLengthInTime() > SHORT_CLIP_MICROS) {
				grabber.setTimestamp(POSTER_MICROS);
				frame = grabber.grabImage();
			}
			if (frame == null) {
				grabber.restart();
				frame = grabber.grabImage();
			}
			if (frame == null || frame.image == null) {
				return Optional.empty();
			}
			// the converter reuses the grabber's buffers, so it must convert before the grabber closes
			BufferedImage picture = new Java2DFrameConverter().convert(frame);
			double aspect = grabber.getAspectRatio();
			return Optional.of(jpeg(scaled(picture, aspect > 0 ? aspect : 1)));
		}
	}

	/** Photos and cover art are stills: the original is its own picture, and audio has none. */
	private static boolean hasMovingPicture(AVFormatContext context) {
		String format = context.iformat().name().getString();
		if (format.equals("image2") || format.endsWith("_pipe")) {
			return false;
		}
		for (int i = 0; i < context.nb_streams(); i++) {
			var stream = context.streams(i);
			if (stream.codecpar().codec_type() == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO
					&& !FfmpegFacts.isAttachedPicture(stream)) {
				return true;
			}
		}
		return false;
	}

	private static BufferedImage scaled(BufferedImage picture, double pixelAspect) {
		// non-square pixels (anamorphic DV, some phones) are stretched to the shape a player shows
		double displayWidth = picture.getWidth() * pixelAspect;
		int width = (int) Math.round(Math.min(displayWidth, MAX_WIDTH));
		int height = Math.max(1, (int) Math.round(picture.getHeight() * width / displayWidth));
		BufferedImage poster = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = poster.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(picture, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return poster;
	}

	private static byte[] jpeg(BufferedImage poster) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(poster, "jpg", out)) {
			throw new IOException("no JPEG writer");
		}
		return out.toByteArray();
	}
}
